using System.Diagnostics.CodeAnalysis;

namespace Conduit.Mist.Api;

/// <summary>
/// A model field that keeps <em>unset</em>, <em>null</em> and <em>a value</em> apart. An unset field is
/// not serialised, so an update sends exactly the fields the caller set, and a model read from the
/// service and sent back keeps absent fields absent instead of turning them into <c>null</c>.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <example>
/// <code>
/// var site = new Site { Name = "HQ" };              // sends {"name":"HQ"}
/// site.Notes = Optional&lt;string&gt;.Null;            // sends "notes": null
/// site.Notes = default;                              // unset again: not sent
/// string? name = site.Name.GetValueOrDefault();
/// </code>
/// </example>
public readonly struct Optional<T> : IEquatable<Optional<T>>
{
    private readonly T? value;

    private Optional(OptionalState state, T? value)
    {
        State = state;
        this.value = value;
    }

    /// <summary>Creates a set value; a <see langword="null"/> reference gives the explicit-null state.</summary>
    /// <param name="value">The value.</param>
    public Optional(T? value)
        : this(value is null ? OptionalState.Null : OptionalState.Value, value)
    {
    }

    /// <summary>The unset state (the default): the field is not sent.</summary>
    public static Optional<T> Unset => default;

    /// <summary>The explicit-null state: the field is sent as <c>null</c>.</summary>
    public static Optional<T> Null => new(OptionalState.Null, default);

    /// <summary>Which of the three states this is.</summary>
    public OptionalState State { get; }

    /// <summary>Whether the field is set, to a value or to null (so it is sent).</summary>
    public bool IsSet => State != OptionalState.Unset;

    /// <summary>Whether the field is explicitly null.</summary>
    public bool IsNull => State == OptionalState.Null;

    /// <summary>Whether the field holds a value.</summary>
    [MemberNotNullWhen(true, nameof(value))]
    public bool HasValue => State == OptionalState.Value;

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">The field is unset or null.</exception>
    public T Value => HasValue
        ? value
        : throw new InvalidOperationException(State == OptionalState.Null ? "The optional value is null." : "The optional value is not set.");

    /// <summary>Converts a value (or a null reference, which gives the explicit-null state).</summary>
    /// <param name="value">The value.</param>
    [SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "The constructor and FromValue are the named alternates.")]
    public static implicit operator Optional<T>(T? value) => new(value);

    /// <summary>Creates a set value; see the implicit conversion.</summary>
    /// <param name="value">The value.</param>
    public static Optional<T> FromValue(T? value) => new(value);

    /// <summary>The value, or <see langword="default"/> when unset or null.</summary>
    public T? GetValueOrDefault() => value;

    /// <summary>The value, or <paramref name="fallback"/> when unset or null.</summary>
    /// <param name="fallback">What to return without a value.</param>
    public T GetValueOrDefault(T fallback) => HasValue ? value : fallback;

    /// <summary>Gets the value when there is one.</summary>
    /// <param name="result">The value, or default.</param>
    public bool TryGetValue([MaybeNullWhen(false)] out T result)
    {
        result = value;
        return HasValue;
    }

    /// <inheritdoc />
    public bool Equals(Optional<T> other)
        => State == other.State && EqualityComparer<T?>.Default.Equals(value, other.value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(State, value);

    /// <summary>Whether two optionals are in the same state with equal values.</summary>
    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    /// <summary>Whether two optionals differ in state or value.</summary>
    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => State switch
    {
        OptionalState.Unset => "(unset)",
        OptionalState.Null => "(null)",
        _ => value?.ToString() ?? string.Empty,
    };
}
