namespace Conduit.Http;

/// <summary>An <c>application/x-www-form-urlencoded</c> body.</summary>
public sealed class FormBody : RequestBody
{
    private readonly KeyValuePair<string, string>[] _fields;

    /// <summary>Creates a form body from name/value pairs (names may repeat).</summary>
    public FormBody(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = [.. fields];
    }

    /// <inheritdoc />
    public override string ContentType => "application/x-www-form-urlencoded";

    /// <inheritdoc />
    public override HttpContent CreateContent() => new FormUrlEncodedContent(_fields);
}
