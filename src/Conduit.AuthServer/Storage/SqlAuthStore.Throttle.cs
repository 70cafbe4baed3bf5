using System.Text;
using static Conduit.AuthServer.Storage.SqlCommands;

namespace Conduit.AuthServer.Storage;

/// <summary>Login throttling counters, shared by every instance that uses the database.</summary>
internal abstract partial class SqlAuthStore
{
    public async Task<IReadOnlyList<ThrottleCounter>> GetThrottleCountersAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return [];
        }

        var sql = new StringBuilder("SELECT throttle_key, failures, window_started_at FROM login_throttle WHERE throttle_key IN (");
        var parameters = new (string, object?)[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            sql.Append(i == 0 ? "@k" : ", @k").Append(i);
            parameters[i] = ("@k" + i, keys[i]);
        }

        sql.Append(')');
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Create(lease.Connection, null, sql.ToString(), parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counters = new List<ThrottleCounter>(keys.Count);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counters.Add(new ThrottleCounter(reader.GetString(0), reader.GetInt32(1), FromUnixMs(reader.GetInt64(2))));
        }

        return counters;
    }

    public async Task<ThrottleCounter> RecordFailureAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Create(lease.Connection, null,
            "INSERT INTO login_throttle (throttle_key, failures, window_started_at) VALUES (@key, 1, @now) " +
            "ON CONFLICT (throttle_key) DO UPDATE SET " +
            "failures = CASE WHEN login_throttle.window_started_at <= @cutoff THEN 1 ELSE login_throttle.failures + 1 END, " +
            "window_started_at = CASE WHEN login_throttle.window_started_at <= @cutoff THEN @now ELSE login_throttle.window_started_at END " +
            "RETURNING failures, window_started_at",
            ("@key", key), ("@now", ToUnixMs(now)), ("@cutoff", ToUnixMs(now - window)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new ThrottleCounter(key, reader.GetInt32(0), FromUnixMs(reader.GetInt64(1)));
    }

    public async Task ClearThrottleAsync(string key, CancellationToken cancellationToken)
    {
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(lease.Connection, null, "DELETE FROM login_throttle WHERE throttle_key = @key", cancellationToken, ("@key", key)).ConfigureAwait(false);
    }
}
