namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>One span as an OTLP export carried it: ids in hex, the instrumentation scope, and its string attributes.</summary>
public sealed record OtlpSpan(string TraceId, string SpanId, string ParentSpanId, string Name, string Scope, IReadOnlyDictionary<string, string> Attributes)
{
    public string? Attribute(string key) => Attributes.GetValueOrDefault(key);
}
