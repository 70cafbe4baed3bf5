using Conduit.Integrations.Health;

namespace Conduit.Integrations.Pipeline;

/// <summary>A registered integration: its current pipeline (swapped atomically on update) and its last health result.</summary>
internal sealed class IntegrationEntry(IntegrationPipeline current)
{
    private volatile IntegrationPipeline _current = current;
    private volatile IntegrationHealthSnapshot? _lastHealth;

    public IntegrationPipeline Current
    {
        get => _current;
        set => _current = value;
    }

    public IntegrationHealthSnapshot? LastHealth
    {
        get => _lastHealth;
        set => _lastHealth = value;
    }
}
