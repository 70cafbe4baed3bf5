namespace Conduit.AuthServer.Endpoints;

/// <summary>Collects per-field validation problems for the <c>details</c> of a 400 response.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string problem) => _errors.TryAdd(field, problem);

    /// <summary>Records "is required" when <paramref name="value"/> is null or blank; returns whether it was present.</summary>
    public bool Require(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return false;
        }

        return true;
    }

    /// <summary>Records a problem when <paramref name="value"/> is longer than <paramref name="maximum"/>.</summary>
    public void MaxLength(string field, string? value, int maximum)
    {
        if (value is not null && value.Length > maximum)
        {
            Add(field, $"must be at most {maximum} characters");
        }
    }

    public ApiError ToError() => ApiError.Validation(_errors);
}
