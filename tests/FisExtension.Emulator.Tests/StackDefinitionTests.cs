using FisExtension.Emulator.Stack;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

public sealed class StackDefinitionTests
{
    [Fact]
    public void Load_ReadsFunctionsWithTheirStackFieldsAndTheRoutes()
    {
        using var scratch = new TempDirectory();
        Directory.CreateDirectory(scratch.File("layer-a"));
        File.WriteAllBytes(scratch.File("layer-b.zip"), []);
        var file = scratch.File("stack.json");
        File.WriteAllText(file, """
            {
              "functions": [
                { "functionName": "orders", "timeoutSeconds": 5, "tags": { "team": "shop" }, "layers": ["layer-a", "layer-b.zip"],
                  "reservedConcurrency": 3, "idleLifetimeSeconds": 60 },
                { "functionName": "health" }
              ],
              "httpApi": {
                "routes": {
                  "GET /orders/{id}": { "function": "orders" },
                  "ANY /files/{proxy+}": { "function": "orders", "payloadFormatVersion": "1.0" },
                  "$default": { "function": "health" }
                }
              }
            }
            """);

        var stack = StackDefinition.Load(file);

        var orders = stack.Functions[0];
        Assert.Equal("orders", orders.Definition.FunctionName);
        Assert.Equal(TimeSpan.FromSeconds(5), orders.Definition.Timeout);
        Assert.Equal("shop", orders.Tags["team"]);
        Assert.Equal([scratch.File("layer-a"), scratch.File("layer-b.zip")], orders.Layers);
        Assert.Equal(3, orders.ReservedConcurrency);
        Assert.Equal(TimeSpan.FromSeconds(60), orders.IdleLifetime);
        var health = stack.Functions[1];
        Assert.Equal(StackFunction.DefaultReservedConcurrency, health.ReservedConcurrency);
        Assert.Equal(StackFunction.DefaultIdleLifetime, health.IdleLifetime);
        Assert.Equal(["GET /orders/{id}", "ANY /files/{proxy+}", "$default"], stack.HttpApi!.Routes.Select(r => r.RouteKey));
        Assert.Equal(["2.0", "1.0", "2.0"], stack.HttpApi.Routes.Select(r => r.PayloadFormatVersion));
        Assert.Equal("GET", stack.HttpApi.Routes[0].Method);
        Assert.Equal("/orders/{id}", stack.HttpApi.Routes[0].PathTemplate);
    }
}
