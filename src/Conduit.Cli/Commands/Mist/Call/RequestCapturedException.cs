namespace Conduit.Cli.Commands.Mist.Call;

/// <summary>Stops a generated method once <see cref="RequestCapturingClient"/> has recorded its request.</summary>
internal sealed class RequestCapturedException : Exception
{
    public RequestCapturedException()
        : base("The request was captured, not sent.")
    {
    }

    public RequestCapturedException(string message)
        : base(message)
    {
    }

    public RequestCapturedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
