namespace Conduit.Mist.Api;

/// <summary>The three states of an <see cref="Optional{T}"/>.</summary>
public enum OptionalState
{
    /// <summary>Not set: the field is absent and is not sent.</summary>
    Unset = 0,

    /// <summary>Explicitly null: sent as JSON <c>null</c>.</summary>
    Null = 1,

    /// <summary>Set to a value.</summary>
    Value = 2,
}
