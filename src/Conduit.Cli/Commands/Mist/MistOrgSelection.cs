using Conduit.Cli.Commands.Auth;
using Conduit.Mist.Sessions;

namespace Conduit.Cli.Commands.Mist;

/// <summary>
/// Decides which org (and site) a command works on: <c>--org</c>/<c>--site</c> by id or name, else
/// <c>MIST_ORG_ID</c>, else the only org the account reaches, else a numbered choice at the terminal.
/// </summary>
internal static class MistOrgSelection
{
    public static async Task<MistChoice> OrgAsync(MistCommandContext context, MistSession session, string? org, CancellationToken cancellationToken)
    {
        var picker = new MistPicker(session, TextReader.Null, TextWriter.Null);
        if (org is not null)
        {
            return await picker.FindOrgAsync(org, cancellationToken).ConfigureAwait(false);
        }

        if (context.Resolution?.Credentials.OrgId is { } configured)
        {
            try
            {
                return await picker.FindOrgAsync(configured, cancellationToken).ConfigureAwait(false);
            }
            catch (KeyNotFoundException)
            {
                return new MistChoice(configured, configured);
            }
        }

        var orgs = await picker.ListOrgsAsync(cancellationToken).ConfigureAwait(false);
        switch (orgs.Count)
        {
            case 1:
                return orgs[0];
            case 0:
                throw new CommandInputException("The account reaches no org: give one with --org.");
        }

        var prompt = context.Environment.ResolvePrompt();
        if (!context.MayPrompt || context.Io.IsJson || !prompt.IsInteractive)
        {
            throw new CommandInputException($"The account reaches {orgs.Count} orgs; choose one with --org (id or name): {string.Join(", ", orgs.Select(o => o.Name))}.");
        }

        var interactive = new MistPicker(session, context.Environment.Input ?? Console.In, Console.Error);
        var picked = await interactive.PickOrgsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return picked.Count == 1 ? picked[0] : throw new CommandInputException("No org was picked.");
    }

    public static async Task<MistChoice> SiteAsync(MistSession session, string orgId, string site, CancellationToken cancellationToken) =>
        await new MistPicker(session, TextReader.Null, TextWriter.Null).FindSiteAsync(orgId, site, cancellationToken).ConfigureAwait(false);
}
