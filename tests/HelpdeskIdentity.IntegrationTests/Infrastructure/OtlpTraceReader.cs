namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>
/// Reads the spans out of an OTLP <c>ExportTraceServiceRequest</c> (protobuf; OpenTelemetry.Proto is not served
/// here), walking only the fields a test looks at: resource_spans(1) → scope_spans(2) → scope(1).name(1) and
/// spans(2) → trace_id(1), span_id(2), parent_span_id(4), name(5), attributes(9) with string values.
/// </summary>
public static class OtlpTraceReader
{
    public static IEnumerable<OtlpSpan> Spans(byte[] body)
    {
        foreach (var resourceSpans in Fields(body).Where(f => f.Number == 1))
        {
            foreach (var scopeSpans in Fields(resourceSpans.Bytes).Where(f => f.Number == 2))
            {
                var fields = Fields(scopeSpans.Bytes).ToList();
                var scope = fields.Where(f => f.Number == 1).Select(f => Text(f.Bytes, 1)).FirstOrDefault() ?? "";
                foreach (var span in fields.Where(f => f.Number == 2))
                {
                    yield return Span(span.Bytes, scope);
                }
            }
        }
    }

    private static OtlpSpan Span(byte[] span, string scope)
    {
        string traceId = "", spanId = "", parentId = "", name = "";
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in Fields(span))
        {
            switch (field.Number)
            {
                case 1: traceId = Convert.ToHexStringLower(field.Bytes); break;
                case 2: spanId = Convert.ToHexStringLower(field.Bytes); break;
                case 4: parentId = Convert.ToHexStringLower(field.Bytes); break;
                case 5: name = System.Text.Encoding.UTF8.GetString(field.Bytes); break;
                case 9:
                    var key = Text(field.Bytes, 1);
                    var value = Fields(field.Bytes).Where(f => f.Number == 2).Select(f => Text(f.Bytes, 1)).FirstOrDefault();
                    if (key is not null && value is not null)
                    {
                        attributes[key] = value;
                    }

                    break;
            }
        }

        return new OtlpSpan(traceId, spanId, parentId, name, scope, attributes);
    }

    private static string? Text(byte[] message, int number) =>
        Fields(message).Where(f => f.Number == number && f.Bytes.Length > 0).Select(f => System.Text.Encoding.UTF8.GetString(f.Bytes)).FirstOrDefault();

    /// <summary>The message's fields in order; only length-delimited ones carry bytes, the others are skipped over.</summary>
    private static IEnumerable<(int Number, byte[] Bytes)> Fields(byte[] message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = Varint(message, ref position);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0: Varint(message, ref position); break;
                case 1: position += 8; break;
                case 5: position += 4; break;
                case 2:
                    var length = (int)Varint(message, ref position);
                    yield return (number, message[position..(position + length)]);
                    position += length;
                    break;
                default: throw new InvalidDataException($"Unsupported protobuf wire type {tag & 7}.");
            }
        }
    }

    private static ulong Varint(byte[] message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
