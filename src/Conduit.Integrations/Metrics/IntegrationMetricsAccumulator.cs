namespace Conduit.Integrations.Metrics;

/// <summary>The running totals of one integration, fed by the meter listener.</summary>
internal sealed class IntegrationMetricsAccumulator
{
    private readonly Lock _lock = new();
    private long _total;
    private long _successful;
    private long _failed;
    private long _retries;
    private long _waits;
    private double _durationSum;
    private long _durationCount;
    private DateTimeOffset? _lastRequestAt;
    private string? _lastErrorType;

    public void RecordRequest(bool failed, string? errorType, DateTimeOffset at)
    {
        lock (_lock)
        {
            _total++;
            if (failed)
            {
                _failed++;
                _lastErrorType = errorType ?? _lastErrorType;
            }
            else
            {
                _successful++;
            }

            _lastRequestAt = at;
        }
    }

    public void RecordDuration(double seconds)
    {
        lock (_lock)
        {
            _durationSum += seconds;
            _durationCount++;
        }
    }

    public void RecordRetry()
    {
        lock (_lock)
        {
            _retries++;
        }
    }

    public void RecordWait()
    {
        lock (_lock)
        {
            _waits++;
        }
    }

    public IntegrationMetrics Snapshot()
    {
        lock (_lock)
        {
            var average = _durationCount == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(_durationSum / _durationCount);
            return new IntegrationMetrics(_total, _successful, _failed, _retries, _waits, average, _lastRequestAt, _lastErrorType);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _total = _successful = _failed = _retries = _waits = _durationCount = 0;
            _durationSum = 0;
            _lastRequestAt = null;
            _lastErrorType = null;
        }
    }
}
