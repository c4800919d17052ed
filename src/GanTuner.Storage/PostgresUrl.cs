using Npgsql;

namespace GanTuner.Storage;

/// <summary>Reads <c>postgresql://user[:password]@host[:port]/database[?schema=name]</c> into an Npgsql
/// connection string and a schema. A password left out comes from PGPASSWORD or ~/.pgpass, as libpq's.</summary>
internal static class PostgresUrl
{
    public const string DefaultSchema = "public";

    public static (string ConnectionString, string Schema) Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgresql" or "postgres")
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new StudyStoreException($"'{Redact(url)}' is not a PostgreSQL URL (postgresql://user@host:port/database)");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            throw new StudyStoreException($"'{Redact(url)}' names no database (postgresql://user@host:port/database)");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        var schema = DefaultSchema;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, Uri.UnescapeDataString(v)) : (pair, "");
            switch (key)
            {
                case "schema" when value.Length > 0:
                    schema = value;
                    break;
                case "sslmode" when Enum.TryParse<SslMode>(value, ignoreCase: true, out var mode):
                    builder.SslMode = mode;
                    break;
                default:
                    throw new StudyStoreException($"'{Redact(url)}': unknown or empty option '{key}' (known: schema, sslmode)");
            }
        }

        return (builder.ConnectionString, schema);
    }

    /// <summary>The URL without its password, for messages.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? url.Replace(uri.UserInfo, uri.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal)
            : url;
}
