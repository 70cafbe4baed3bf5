using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Conduit.Http;
using Conduit.Mist.Api;

namespace Conduit.Cli.Commands.Mist.Call;

/// <summary>
/// Builds requests with the generated methods themselves, over a <see cref="RequestCapturingClient"/>: calling a method
/// with sample values shows where it puts each parameter (a changed path segment, a new query or header name, a new
/// form part) and under which document name — no naming rule is guessed — and calling it with the user's values gives
/// exactly the request the SDK would send.
/// </summary>
internal static partial class MistOperationRequests
{
    private static readonly ConcurrentDictionary<MethodInfo, IReadOnlyList<MistOperationParameter>> Cache = new();

    /// <summary>The operation's parameters (the cancellation token left out), in method order.</summary>
    public static IReadOnlyList<MistOperationParameter> Parameters(MistOperation operation) =>
        Cache.GetOrAdd(operation.Method, _ => Probe(operation));

    /// <summary>The request for the given values (every required parameter other than the body must be present).</summary>
    /// <exception cref="ArgumentException">The generated method refused a value (an empty path value, say).</exception>
    public static ApiRequest Build(MistOperation operation, IReadOnlyDictionary<MistOperationParameter, object?> values)
    {
        var parameters = Parameters(operation);
        var arguments = Arguments(operation, parameters, p => values.TryGetValue(p, out var value) ? value
            : p.Required ? MistParameterValues.Sample(p.ClrType, second: false) : null);
        using var capture = new RequestCapturingClient();
        return Capture(operation, new MistApiClient(capture), capture, arguments);
    }

    private static List<MistOperationParameter> Probe(MistOperation operation)
    {
        var methodParameters = operation.Method.GetParameters();
        var candidates = methodParameters
            .Where(p => p.ParameterType != typeof(CancellationToken))
            .Select(p => new MistOperationParameter(p.Name!, p.Name!, p.Name == "body" ? MistParameterLocation.Body : MistParameterLocation.Query, !p.HasDefaultValue, p.ParameterType, p.Position))
            .ToList();
        using var capture = new RequestCapturingClient();
        var root = new MistApiClient(capture);
        ApiRequest baseline;
        try
        {
            baseline = Capture(operation, root, capture, Arguments(operation, candidates, p => p.Required ? MistParameterValues.Sample(p.ClrType, false) : null));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return [.. candidates.Select(p => ByName(operation, p))];
        }

        var result = new List<MistOperationParameter>();
        foreach (var candidate in candidates)
        {
            if (candidate.Location == MistParameterLocation.Body)
            {
                result.Add(candidate);
                continue;
            }

            ApiRequest probed;
            try
            {
                probed = Capture(operation, root, capture, Arguments(operation, candidates, p =>
                    p == candidate ? MistParameterValues.Sample(p.ClrType, second: p.Required)
                    : p.Required ? MistParameterValues.Sample(p.ClrType, false) : null));
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException)
            {
                result.Add(ByName(operation, candidate));
                continue;
            }

            result.Add(Locate(operation, candidate, baseline, probed) ?? ByName(operation, candidate));
        }

        return result;
    }

    /// <summary>Where the probed request differs from the baseline: that is where the parameter went.</summary>
    private static MistOperationParameter? Locate(MistOperation operation, MistOperationParameter candidate, ApiRequest baseline, ApiRequest probed)
    {
        if (probed.Path != baseline.Path && PathName(operation.Path, baseline.Path, probed.Path, candidate.ClrName) is { } pathName)
        {
            return candidate with { Name = pathName, Location = MistParameterLocation.Path };
        }

        if (Changed(baseline.Query, probed.Query) is { } queryName)
        {
            return candidate with { Name = queryName, Location = MistParameterLocation.Query };
        }

        if (Changed(baseline.Headers, probed.Headers) is { } headerName)
        {
            return candidate with { Name = headerName, Location = MistParameterLocation.Header };
        }

        var before = Parts(baseline.Body);
        if (Parts(probed.Body).FirstOrDefault(part => !before.Contains(part)).Name is { } partName)
        {
            var type = Nullable.GetUnderlyingType(candidate.ClrType) ?? candidate.ClrType;
            return candidate with { Name = partName, Location = type == typeof(MistFile) ? MistParameterLocation.File : MistParameterLocation.FormField };
        }

        return null;
    }

    /// <summary>The placeholder of the template segment that changed, e.g. <c>org_id</c>.</summary>
    private static string? PathName(string template, string before, string after, string clrName)
    {
        var templateSegments = template.Split('/');
        var beforeSegments = before.Split('/');
        var afterSegments = after.Split('/');
        if (templateSegments.Length != beforeSegments.Length || beforeSegments.Length != afterSegments.Length)
        {
            return null;
        }

        for (var i = 0; i < templateSegments.Length; i++)
        {
            if (beforeSegments[i] != afterSegments[i])
            {
                var names = Placeholder().Matches(templateSegments[i]).Select(m => m.Groups[1].Value).ToList();
                return names.Count == 1 ? names[0] : names.FirstOrDefault(n => Compact(n) == Compact(clrName));
            }
        }

        return null;
    }

    /// <summary>The first name whose values differ between two parameter lists.</summary>
    private static string? Changed(IReadOnlyList<KeyValuePair<string, string>> before, IReadOnlyList<KeyValuePair<string, string>> after) =>
        after.Select(p => p.Key).Concat(before.Select(p => p.Key)).Distinct(StringComparer.Ordinal)
            .FirstOrDefault(name => !before.Where(p => p.Key == name).Select(p => p.Value).SequenceEqual(after.Where(p => p.Key == name).Select(p => p.Value)));

    /// <summary>The parts of a multipart body, each as its name and everything that tells it apart (file name, content).</summary>
    private static HashSet<(string? Name, string Signature)> Parts(RequestBody? body)
    {
        if (body is not MultipartBody multipart)
        {
            return [];
        }

        using var content = multipart.CreateContent();
        return content is MultipartContent parts
            ? [.. parts.Select(p => (p.Headers.ContentDisposition?.Name?.Trim('"'), $"{p.Headers.ContentDisposition}|{Convert.ToBase64String(p.ReadAsByteArrayAsync().GetAwaiter().GetResult())}"))]
            : [];
    }

    /// <summary>When probing cannot tell, a parameter named like a path placeholder is that placeholder; anything else is a query parameter under its C# name.</summary>
    private static MistOperationParameter ByName(MistOperation operation, MistOperationParameter candidate)
    {
        var placeholder = Placeholder().Matches(operation.Path).Select(m => m.Groups[1].Value).FirstOrDefault(n => Compact(n) == Compact(candidate.ClrName));
        return placeholder is not null ? candidate with { Name = placeholder, Location = MistParameterLocation.Path } : candidate;
    }

    private static object?[] Arguments(MistOperation operation, IReadOnlyList<MistOperationParameter> parameters, Func<MistOperationParameter, object?> value)
    {
        var methodParameters = operation.Method.GetParameters();
        var arguments = new object?[methodParameters.Length];
        foreach (var parameter in methodParameters)
        {
            arguments[parameter.Position] = parameter.ParameterType == typeof(CancellationToken)
                ? CancellationToken.None
                : value(parameters.First(p => p.Position == parameter.Position));
        }

        return arguments;
    }

    private static ApiRequest Capture(MistOperation operation, MistApiClient root, RequestCapturingClient capture, object?[] arguments)
    {
        capture.Reset();
        try
        {
            var result = operation.Method.Invoke(operation.GroupOf(root), arguments);
            if (operation.IsPaged && result is not null)
            {
                // A pageable sends nothing until asked for its first page.
                result = FirstPageAsync(operation, result);
            }

            if (result is Task { IsCompleted: true, Exception.InnerException: { } inner } && inner is not RequestCapturedException)
            {
                ExceptionDispatchInfo.Capture(inner).Throw();
            }
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not RequestCapturedException and not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }
        catch (TargetInvocationException)
        {
            // Captured: the synchronous form threw once the request was recorded.
        }

        return capture.Captured ?? throw new InvalidOperationException($"{operation.QualifiedName} sent no request.");
    }

    /// <summary>
    /// Starts enumerating a pageable, which sends the first page's request. Through <see cref="IAsyncEnumerable{T}"/>
    /// rather than reflection, so Native AOT needs no code made at run time: a pageable of a class is an
    /// <c>IAsyncEnumerable&lt;object&gt;</c> by covariance; <see cref="JsonElement"/> is the only struct item type the
    /// generator emits (untyped lists).
    /// </summary>
    /// <exception cref="NotSupportedException">The pageable's items are another struct type.</exception>
    internal static Task FirstPageAsync(MistOperation operation, object pageable) => pageable switch
    {
        IAsyncEnumerable<object> items => MoveFirstAsync(items),
        IAsyncEnumerable<JsonElement> items => MoveFirstAsync(items),
        _ => throw new NotSupportedException($"{operation.QualifiedName} returns {operation.Method.ReturnType.Name} of an item type the CLI cannot page; call it from C#."),
    };

    private static async Task MoveFirstAsync<T>(IAsyncEnumerable<T> items)
    {
        var enumerator = items.GetAsyncEnumerator(CancellationToken.None);
        await using (enumerator.ConfigureAwait(false))
        {
            await enumerator.MoveNextAsync().ConfigureAwait(false);
        }
    }

    private static string Compact(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex Placeholder();
}
