using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Scheduling;

/// <summary>When one action runs, as offsets from the experiment's start and as absolute times.</summary>
public sealed record ScheduledAction(TemplateAction Action, TimeSpan StartOffset, TimeSpan EndOffset, DateTimeOffset StartTime, DateTimeOffset EndTime);
