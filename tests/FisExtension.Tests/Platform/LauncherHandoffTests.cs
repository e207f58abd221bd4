using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using FisExtension.Launcher;
using FisExtension.Platform;

namespace FisExtension.Tests.Platform;

public sealed partial class LauncherHandoffTests
{
    [Fact]
    public void Take_AdoptsTheLaunchersListeningSocket_AndItsRegistration()
    {
        var (fd, port) = Descriptor(listen: true);
        var environment = Handoff(fd, "id-1");

        var handoff = LauncherHandoff.Take(environment.Get, environment.Set, port);

        using var listener = handoff.Listener;
        Assert.NotNull(listener);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, port), listener.LocalEndPoint);
        Assert.Equal("id-1", handoff.ExtensionId);
        // It accepts: a connection made now is served from the adopted socket.
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(IPAddress.Loopback, port);
        using var accepted = listener.Accept();
        Assert.Equal(client.LocalEndPoint, accepted.RemoteEndPoint);
        Assert.Empty(environment.Values);
    }

    [Fact]
    public void Take_WithoutTheVariables_LeavesBothStepsToTheExtension()
    {
        var environment = new FakeEnvironment();

        var handoff = LauncherHandoff.Take(environment.Get, environment.Set, 9100);

        Assert.Null(handoff.Listener);
        Assert.Null(handoff.ExtensionId);
    }

    [Fact]
    public void Take_IgnoresASocketOnAnotherPort()
    {
        var (fd, port) = Descriptor(listen: true);
        var environment = Handoff(fd, "id-2");

        var socket = OpenFile(fd);

        var handoff = LauncherHandoff.Take(environment.Get, environment.Set, port == 65535 ? 65534 : port + 1);

        Assert.Null(handoff.Listener);
        Assert.Equal("id-2", handoff.ExtensionId);
        Assert.NotEqual(socket, OpenFile(fd));
    }

    [Fact]
    public void Take_IgnoresASocketThatDoesNotListen()
    {
        var (fd, port) = Descriptor(listen: false);
        var environment = Handoff(fd, null);
        var socket = OpenFile(fd);

        Assert.Null(LauncherHandoff.Take(environment.Get, environment.Set, port).Listener);
        Assert.NotEqual(socket, OpenFile(fd));
    }

    [Fact]
    public void Take_ClosesADescriptorThatIsNotASocket_AtOnce()
    {
        // Left to a finalizer, the number would be closed later, when it may be another socket's.
        using var file = File.OpenHandle(Path.GetTempFileName(), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.DeleteOnClose);
        var fd = dup((int)file.DangerousGetHandle());
        var environment = Handoff(fd, null);
        var opened = OpenFile(fd);

        Assert.Null(LauncherHandoff.Take(environment.Get, environment.Set, 9100).Listener);
        Assert.NotEqual(opened, OpenFile(fd));
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("2")]
    public void Take_IgnoresADescriptorThatIsNoneOfOurs_AndLeavesTheStandardStreamsOpen(string descriptor)
    {
        var environment = new FakeEnvironment { Values = { [LaunchEnvironment.ListenerDescriptor] = descriptor } };
        var streams = Enumerable.Range(0, 3).Select(OpenFile).ToList();

        Assert.Null(LauncherHandoff.Take(environment.Get, environment.Set, 9100).Listener);
        Assert.Equal(streams, Enumerable.Range(0, 3).Select(OpenFile));
    }

    /// <summary>
    /// What a descriptor refers to now ("socket:[inode]", a path), or null when it is closed: unlike a dup(2) probe,
    /// a number reused meanwhile by another test's file or socket still reads as a change.
    /// </summary>
    private static string? OpenFile(int fd)
    {
        try
        {
            return new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>A copy (dup) of a bound socket's descriptor, owned by nobody yet, as the launcher's is after exec.</summary>
    private static (int Fd, int Port) Descriptor(bool listen)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        if (listen)
        {
            socket.Listen(8);
        }

        var fd = dup((int)socket.Handle);
        Assert.True(fd >= 3, "dup failed");
        return (fd, ((IPEndPoint)socket.LocalEndPoint!).Port);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup(int fd);

    private static FakeEnvironment Handoff(int fd, string? extensionId)
    {
        var environment = new FakeEnvironment { Values = { [LaunchEnvironment.ListenerDescriptor] = fd.ToString(CultureInfo.InvariantCulture) } };
        if (extensionId is not null)
        {
            environment.Values[LaunchEnvironment.ExtensionId] = extensionId;
        }

        return environment;
    }

    private sealed class FakeEnvironment
    {
        public Dictionary<string, string> Values { get; } = [];

        public string? Get(string name) => Values.GetValueOrDefault(name);

        public void Set(string name, string? value)
        {
            if (value is null)
            {
                Values.Remove(name);
            }
            else
            {
                Values[name] = value;
            }
        }
    }
}
