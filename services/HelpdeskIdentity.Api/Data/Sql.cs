using Npgsql;

namespace HelpdeskIdentity.Api.Data;

/// <summary>The few ADO.NET calls every feature's hand-written SQL store needs; parameters are (name, value) pairs.</summary>
internal static class Sql
{
    public static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>One statement on a connection of its own from the pool.</summary>
    public static async Task<int> ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ExecuteAsync(connection, sql, cancellationToken, parameters);
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A command with its parameters; a null value is sent as SQL NULL, an <see cref="NpgsqlParameter"/> as given.</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            if (value is NpgsqlParameter parameter)
            {
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            else
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }

        return command;
    }
}
