namespace HelpdeskIdentity.Benchmarks;

/// <summary>Writes rows (the first is the header) as an aligned Markdown table, ready to paste into a README.</summary>
internal static class MarkdownTable
{
    public static void Write(TextWriter output, string[][] rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((cell, c) => cell.PadRight(widths[c]))) + " |";
        output.WriteLine(Line(rows[0]));
        output.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in rows.Skip(1))
        {
            output.WriteLine(Line(row));
        }
    }
}
