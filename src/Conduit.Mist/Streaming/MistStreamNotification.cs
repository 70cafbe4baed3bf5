namespace Conduit.Mist.Streaming;

/// <summary>One item for the dispatcher: an event, an error, an open or a close, in the order they happened.</summary>
internal readonly record struct MistStreamNotification(
    MistStreamEvent? Event,
    MistStreamException? Error,
    MistStreamOpened? Opened,
    MistStreamClosed? Closed)
{
    public static MistStreamNotification Of(MistStreamEvent value) => new(value, null, null, null);

    public static MistStreamNotification Of(MistStreamException value) => new(null, value, null, null);

    public static MistStreamNotification Of(MistStreamOpened value) => new(null, null, value, null);

    public static MistStreamNotification Of(MistStreamClosed value) => new(null, null, null, value);
}
