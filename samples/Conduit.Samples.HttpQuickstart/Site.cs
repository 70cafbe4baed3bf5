namespace Conduit.Samples.HttpQuickstart;

/// <summary>The fields of a Mist site this sample reads; the JSON has many more, which are skipped.</summary>
internal sealed record Site(string Id, string Name, string? Timezone);
