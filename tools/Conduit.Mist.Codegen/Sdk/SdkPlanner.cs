using Conduit.Mist.Codegen.Model;

namespace Conduit.Mist.Codegen.Sdk;

/// <summary>
/// Turns the normalised <see cref="ApiModel"/> into the SDK's plan: groups from tags (first word the
/// top-level group, the rest the sub-group), method names from operation ids, typed parameters and
/// results, and the pageables. Everything by rule; the same plan comes out of any release of the document.
/// </summary>
internal sealed class SdkPlanner
{
    private readonly SdkTypeMap types;

    private SdkPlanner(SdkTypeMap types) => this.types = types;

    /// <summary>Plans <paramref name="model"/>: returns the top-level groups by property name and the completed type map.</summary>
    public static (SortedDictionary<string, GroupPlan> Groups, SdkTypeMap Types) Plan(ApiModel model)
    {
        var types = new SdkTypeMap(model.Schemas);
        var planner = new SdkPlanner(types);
        var groups = planner.Group(model.Operations);
        types.Complete();
        return (groups, types);
    }

    private SortedDictionary<string, GroupPlan> Group(IReadOnlyList<ApiOperation> operations)
    {
        var tops = new SortedDictionary<string, GroupPlan>(StringComparer.Ordinal);
        var byGroup = new Dictionary<GroupPlan, List<(ApiOperation Operation, string Top, string? Sub)>>();
        foreach (var operation in operations)
        {
            var tag = SdkNames.GroupTag(operation.Tag, operation.Path);
            var top = SdkNames.TopGroup(tag);
            var sub = SdkNames.SubGroup(tag);
            if (!tops.TryGetValue(top, out var topGroup))
            {
                tops[top] = topGroup = new GroupPlan(top + "Api", top, []);
            }

            var group = topGroup;
            if (sub is not null)
            {
                if (!topGroup.Children.TryGetValue(sub, out group))
                {
                    topGroup.Children[sub] = group = new GroupPlan(top + sub + "Api", sub, []);
                }
            }

            if (!group.Tags.Contains(tag))
            {
                group.Tags.Add(tag);
            }

            if (!byGroup.TryGetValue(group, out var list))
            {
                byGroup[group] = list = [];
            }

            list.Add((operation, top, sub));
        }

        foreach (var (group, list) in byGroup.OrderBy(g => g.Key.ClassName, StringComparer.Ordinal))
        {
            PlanMethods(group, list);
        }

        return tops;
    }

    private void PlanMethods(GroupPlan group, List<(ApiOperation Operation, string Top, string? Sub)> operations)
    {
        // Short names first; every operation whose short name is shared (or taken by a sub-group, the
        // class itself or an object member) uses its full operation id instead.
        var reserved = new HashSet<string>(group.Children.Keys, StringComparer.Ordinal) { group.ClassName };
        reserved.UnionWith(SdkNames.ObjectMembers);
        var shortNames = operations.Select(o => SdkNames.Method(o.Operation.OperationId, o.Top, o.Sub)).ToList();
        var counts = shortNames.GroupBy(n => n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i].Operation;
            var name = counts[shortNames[i]] == 1 && !reserved.Contains(shortNames[i]) && !reserved.Contains(shortNames[i] + "Async")
                ? shortNames[i]
                : SdkNames.FullMethod(operation.OperationId);
            name = SdkNames.Unique(name, taken);
            foreach (var plan in PlanOperation(operation, name, taken))
            {
                group.Operations.Add(plan);
            }
        }
    }

    private IEnumerable<OperationPlan> PlanOperation(ApiOperation operation, string name, HashSet<string> taken)
    {
        var body = operation.RequestBody;
        var acceptsJson = body is not null && body.ContentTypes.Any(ApiModelBuilder.IsJson);
        var acceptsForm = body is not null && body.ContentTypes.Any(c => c.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase));
        if (body is null || acceptsJson)
        {
            yield return Build(operation, name, body is null ? BodyKind.None : BodyKind.Json);
            if (acceptsForm)
            {
                yield return Build(operation, SdkNames.Unique(name + "Multipart", taken), BodyKind.Form);
            }
        }
        else
        {
            yield return Build(operation, name, acceptsForm ? BodyKind.Form : BodyKind.Raw);
        }
    }

    private enum BodyKind
    {
        None,
        Json,
        Form,
        Raw,
    }

    private OperationPlan Build(ApiOperation operation, string name, BodyKind bodyKind)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken" };
        var required = new List<ParameterPlan>();
        var optional = new List<ParameterPlan>();
        var pathOrder = operation.Parameters.Where(p => p.Location == "path")
            .OrderBy(p => operation.Path.IndexOf("{" + p.Name + "}", StringComparison.Ordinal));
        foreach (var parameter in pathOrder.Concat(operation.Parameters.Where(p => p.Location is "query" or "header")))
        {
            var target = parameter.Location switch
            {
                "path" => ParameterTarget.Path,
                "header" => ParameterTarget.Header,
                _ => ParameterTarget.Query,
            };
            var type = types.Resolve(parameter.Schema);
            if (type.Kind is CsTypeKind.Model or CsTypeKind.Map || (type.Kind == CsTypeKind.List && type.Element!.Kind is not (CsTypeKind.String or CsTypeKind.Primitive or CsTypeKind.Enum)))
            {
                type = CsType.Json;
            }

            var plan = new ParameterPlan(target, parameter.Name, SdkNames.Unique(SdkNames.Camel(parameter.Name), taken), type, parameter.Required, Describe(parameter), parameter.Explode);
            (parameter.Required ? required : optional).Add(plan);
        }

        var bodyRequired = operation.RequestBody?.Required ?? false;
        switch (bodyKind)
        {
            case BodyKind.Json:
                var bodyPlan = new ParameterPlan(ParameterTarget.JsonBody, string.Empty, SdkNames.Unique("body", taken), types.Resolve(operation.RequestBody!.Schema), bodyRequired, operation.RequestBody.Description, false);
                (bodyRequired ? required : optional).Add(bodyPlan);
                break;
            case BodyKind.Form:
                AddFormFields(operation.RequestBody!, taken, required, optional);
                break;
            case BodyKind.Raw:
                var raw = new ParameterPlan(ParameterTarget.RawBody, string.Empty, SdkNames.Unique("body", taken), null, bodyRequired, operation.RequestBody!.Description ?? $"The body ({string.Join(", ", operation.RequestBody.ContentTypes)}).", false);
                (bodyRequired ? required : optional).Add(raw);
                break;
        }

        var parameters = required.Concat(optional).ToList();
        var (shape, resultType) = Result(operation, parameters);
        return new OperationPlan(operation, name, parameters, shape, resultType);
    }

    private void AddFormFields(ApiRequestBody body, HashSet<string> taken, List<ParameterPlan> required, List<ParameterPlan> optional)
    {
        if (body.FormSchema < 0 || !types.IsObjectModel(body.FormSchema))
        {
            var raw = new ParameterPlan(ParameterTarget.RawBody, string.Empty, SdkNames.Unique("body", taken), null, body.Required, body.Description ?? "The multipart form.", false);
            (body.Required ? required : optional).Add(raw);
            return;
        }

        var (properties, requiredNames) = types.ObjectShape(body.FormSchema);
        foreach (var (wire, schema) in properties)
        {
            var node = types.Node(types.Target(schema));
            var isFile = node is not null && (string?)node["format"] is "binary" or "byte";
            var plan = new ParameterPlan(
                isFile ? ParameterTarget.FormFile : ParameterTarget.FormField,
                wire,
                SdkNames.Unique(SdkNames.Camel(wire), taken),
                isFile ? null : types.Resolve(schema),
                requiredNames.Contains(wire),
                SdkTypeMap.Documentation(types.Node(schema)) ?? SdkTypeMap.Documentation(node),
                false);
            (plan.Required ? required : optional).Add(plan);
        }
    }

    private (ResultShape Shape, CsType? Type) Result(ApiOperation operation, List<ParameterPlan> parameters)
    {
        var success = operation.Responses
            .Where(r => r.Status.Length == 3 && r.Status[0] == '2')
            .OrderBy(r => r.Status, StringComparer.Ordinal)
            .FirstOrDefault(r => r.Schema >= 0 && r.ContentTypes.Any(ApiModelBuilder.IsJson));
        if (success is null)
        {
            return (ResultShape.Raw, null);
        }

        var type = types.Resolve(success.Schema);
        if (operation.Method == "GET")
        {
            if (type.Kind == CsTypeKind.Model && NextLinkItems(success.Schema) is { } items)
            {
                return (ResultShape.PagedByNextLink, items);
            }

            var isPaged = parameters.Any(p => p.Target == ParameterTarget.Query && p.WireName == "page" && p.Type!.Kind == CsTypeKind.Primitive)
                && parameters.Any(p => p.Target == ParameterTarget.Query && p.WireName == "limit");
            if (type.Kind == CsTypeKind.List && isPaged)
            {
                return (ResultShape.PagedByHeaders, type);
            }
        }

        return (ResultShape.Typed, type);
    }

    /// <summary>The list type of <c>results</c> when the object also has a <c>next</c> link (Mist's search envelope).</summary>
    private CsType? NextLinkItems(int schema)
    {
        var (properties, _) = types.ObjectShape(schema);
        var results = properties.FirstOrDefault(p => p.Name == "results");
        if (results.Name is null || !properties.Any(p => p.Name == "next"))
        {
            return null;
        }

        var type = types.Resolve(results.Schema);
        return type.Kind == CsTypeKind.List ? type : null;
    }

    private static string? Describe(ApiParameter parameter)
        => parameter.Deprecated ? "(Deprecated) " + parameter.Description : parameter.Description;
}

/// <summary>Lookups over a planned SDK that several writers need.</summary>
internal static class SdkPlanQueries
{
    /// <summary>Every group, top-level ones first, each followed by its sub-groups.</summary>
    public static IEnumerable<GroupPlan> All(this SortedDictionary<string, GroupPlan> groups)
        => groups.Values.SelectMany(g => new[] { g }.Concat(g.Children.Values));
}
