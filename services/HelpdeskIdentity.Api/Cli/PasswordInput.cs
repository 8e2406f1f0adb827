using System.Text;

namespace HelpdeskIdentity.Api.Cli;

/// <summary>Reads a password from standard input: the first line, not echoed at a terminal, never logged.</summary>
internal static class PasswordInput
{
    public static async Task<string?> ReadAsync(CliConsole console)
    {
        if (!console.IsInteractive)
        {
            return await console.Input.ReadLineAsync();
        }

        await console.Error.WriteAsync("Password: ");
        var password = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        await console.Error.WriteLineAsync();
        return password.ToString();
    }
}
