using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>
/// A stand-in OpenTelemetry collector: accepts OTLP/HTTP protobuf posts to /v1/traces, /v1/metrics
/// and /v1/logs and keeps their bodies. Protobuf carries strings as UTF-8, so span names, metric
/// names and log text can be found in the bytes; <see cref="Spans"/> decodes the traces.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _bodies = new();

    private OtlpReceiver(WebApplication app, int port)
    {
        _app = app;
        Endpoint = $"http://127.0.0.1:{port}";
    }

    public string Endpoint { get; }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var port = FreePorts.Find(10000, 17999);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, port);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver._bodies.GetOrAdd(signal, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>True when some export of <paramref name="signal"/> (traces, metrics, logs) contains <paramref name="text"/>.</summary>
    public bool Received(string signal, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return _bodies.TryGetValue(signal, out var bodies) && bodies.Any(b => b.AsSpan().IndexOf(needle) >= 0);
    }

    /// <summary>Every span exported so far, decoded.</summary>
    public IReadOnlyList<OtlpSpan> Spans() =>
        _bodies.TryGetValue("traces", out var bodies) ? [.. bodies.SelectMany(OtlpTraceReader.Spans)] : [];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
