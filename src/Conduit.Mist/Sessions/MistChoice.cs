namespace Conduit.Mist.Sessions;

/// <summary>An org or a site offered or picked by <see cref="MistPicker"/>.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
public sealed record MistChoice(string Id, string Name)
{
    /// <summary><c>Name (id: …)</c>, as listed.</summary>
    public override string ToString() => $"{Name} (id: {Id})";
}
