namespace Conduit.Fuzz.Tests.Infrastructure;

/// <summary>A typed model for responses: strings, numbers, nested lists and a date, so wrong types fail to bind.</summary>
public sealed class FuzzItem
{
    public string? Id { get; set; }

    public int Count { get; set; }

    public double Ratio { get; set; }

    public bool Enabled { get; set; }

    public DateTimeOffset? Created { get; set; }

    public List<string>? Tags { get; set; }

    public FuzzItem? Child { get; set; }
}
