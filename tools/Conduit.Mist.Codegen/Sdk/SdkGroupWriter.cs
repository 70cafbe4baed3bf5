using System.Globalization;
using System.Text;
using Conduit.Mist.Codegen.Model;

namespace Conduit.Mist.Codegen.Sdk;

/// <summary>
/// Writes one client group class per file: an async and a synchronous method per operation sharing
/// one request builder, XML docs from the document, <c>[Obsolete]</c> for deprecated operations, and
/// virtual members with a protected constructor so the group can be mocked.
/// </summary>
internal static class SdkGroupWriter
{
    /// <summary>The namespace of the clients.</summary>
    public const string Namespace = "Conduit.Mist.Api";

    /// <summary>Renders <paramref name="group"/>.</summary>
    public static string Render(GroupPlan group)
    {
        var code = SdkFileHeader.Start(
            "System.Text.Json",
            "Conduit.Http",
            "Conduit.Mist.Models",
            "Conduit.Mist.Paging");
        code.Line($"namespace {Namespace};").Line();
        var tags = string.Join(", ", group.Tags.Select(t => $"<c>{XmlDocText.Escape(t)}</c>"));
        code.Doc("summary", $"The Mist API operations (document tag{(group.Tags.Count == 1 ? string.Empty : "s")} {tags}).");
        code.Line($"public partial class {group.ClassName}").Open();
        code.Line("private readonly ConduitClient client;");
        foreach (var child in group.Children.Values)
        {
            code.Line($"private {child.ClassName}? {Field(child.PropertyName)};");
        }

        code.Line();
        code.Doc("summary", "Creates the group without a client, for mocking; every member is virtual.");
        code.Line($"protected {group.ClassName}() => client = null!;").Line();
        code.Doc("summary", "Creates the group over <paramref name=\"client\"/>.");
        code.Doc("param", "The HTTP client configured for a Mist cloud.", "name=\"client\"");
        code.Line($"internal {group.ClassName}(ConduitClient client) => this.client = client;");
        foreach (var child in group.Children.Values)
        {
            code.Line();
            var childTags = string.Join(", ", child.Tags.Select(t => $"<c>{XmlDocText.Escape(t)}</c>"));
            code.Doc("summary", $"The operations of {childTags}.");
            code.Line($"public virtual {child.ClassName} {child.PropertyName} => {Field(child.PropertyName)} ??= new {child.ClassName}(client);");
        }

        foreach (var operation in group.Operations)
        {
            WriteOperation(code, operation);
        }

        code.Close();
        return code.ToString();
    }

    private static string Field(string propertyName) => SdkNames.Camel(propertyName).TrimStart('@') + "Group";

    private static void WriteOperation(CodeBuilder code, OperationPlan plan)
    {
        var op = plan.Operation;
        var signature = string.Join(", ", plan.Parameters.Select(p => p.Required ? $"{p.Declared} {p.Name}" : $"{p.Declared} {p.Name} = null")
            .Append("CancellationToken cancellationToken = default"));
        var arguments = string.Join(", ", plan.Parameters.Select(p => p.Name));
        var builder = "Create" + plan.MethodName + "Request";
        var attribute = $"[MistOperation({XmlDocText.Literal(op.OperationId)}, {XmlDocText.Literal(op.Method)}, {XmlDocText.Literal(op.Path)})]";
        foreach (var isAsync in new[] { true, false })
        {
            code.Line();
            WriteDocs(code, plan, isAsync);
            if (op.Deprecated)
            {
                code.Line("[Obsolete(\"The Mist API marks this operation deprecated.\")]");
            }

            code.Line(attribute);
            var send = isAsync ? "SendAsync" : "Send";
            switch (plan.Shape)
            {
                case ResultShape.Raw:
                    code.Line($"public virtual {(isAsync ? "Task<ApiResponse>" : "ApiResponse")} {plan.MethodName}{(isAsync ? "Async" : string.Empty)}({signature})");
                    code.Indent().Line($"=> client.{send}({builder}({arguments}), cancellationToken);").Outdent();
                    break;
                case ResultShape.Typed:
                    var result = $"ApiResponse<{plan.ResultType!.Name}>";
                    code.Line($"public virtual {(isAsync ? $"Task<{result}>" : result)} {plan.MethodName}{(isAsync ? "Async" : string.Empty)}({signature})");
                    code.Indent().Line($"=> client.{send}({builder}({arguments}), MistJsonContext.Default.{plan.ResultType.InfoName}, cancellationToken);").Outdent();
                    break;
                default:
                    var pageable = $"{(isAsync ? "MistAsyncPageable" : "MistPageable")}<{plan.ItemType!.Name}>";
                    code.Line($"public virtual {pageable} {plan.MethodName}{(isAsync ? "Async" : string.Empty)}({signature})");
                    code.Indent().Line($"=> new({Source(plan, builder)}, cancellationToken);").Outdent();
                    break;
            }
        }

        WriteRequestBuilder(code, plan, builder);
    }

    private static string Source(OperationPlan plan, string builder)
    {
        var info = $"MistJsonContext.Default.{plan.ResultType!.InfoName}";
        if (plan.Shape == ResultShape.PagedByNextLink)
        {
            return $"MistPaging.ByNextLink(client, {builder}({string.Join(", ", plan.Parameters.Select(p => p.Name))}), {info})";
        }

        var page = plan.Parameters.First(p => p.Target == ParameterTarget.Query && p.WireName == "page");
        var arguments = string.Join(", ", plan.Parameters.Select(p => p == page ? "nextPage" : p.Name));
        var cast = page.Type!.Name == "long" ? "nextPage" : $"({page.Type.Name}?)nextPage";
        arguments = arguments.Replace("nextPage", cast, StringComparison.Ordinal);
        return $"MistPaging.ByPageHeaders(client, nextPage => {builder}({arguments}), {page.Name}, {info})";
    }

    private static void WriteDocs(CodeBuilder code, OperationPlan plan, bool isAsync)
    {
        var op = plan.Operation;
        var summary = XmlDocText.Escape(op.Summary is { } s && !s.Equals(op.OperationId, StringComparison.Ordinal) ? s : op.Description)
            ?? XmlDocText.Escape(op.OperationId)!;
        code.Doc("summary", summary);
        var remarks = new StringBuilder();
        if (op.Description is not null && XmlDocText.Escape(op.Description) is { } description && description != summary)
        {
            remarks.Append(description).Append("\n\n");
        }

        remarks.Append(CultureInfo.InvariantCulture, $"Operation <c>{XmlDocText.Escape(op.OperationId)}</c>: <c>{op.Method} {XmlDocText.Escape(op.Path)}</c>.");
        if (plan.Shape is ResultShape.PagedByHeaders)
        {
            remarks.Append(" Pages by <c>page</c> and the <c>X-Page-*</c> headers; enumerate the items or call <c>AsPages()</c>.");
        }
        else if (plan.Shape is ResultShape.PagedByNextLink)
        {
            remarks.Append(" Pages by the <c>next</c> link of the <c>results</c> envelope; enumerate the items or call <c>AsPages()</c>.");
        }

        code.Doc("remarks", remarks.ToString());
        foreach (var parameter in plan.Parameters)
        {
            var text = XmlDocText.Escape(parameter.Description) ?? DefaultDescription(parameter);
            code.Doc("param", text, $"name=\"{parameter.Name.TrimStart('@')}\"");
        }

        code.Doc("param", "The token that cancels the call.", "name=\"cancellationToken\"");
        code.Doc("returns", plan.Shape switch
        {
            ResultShape.Raw => "The response: status, headers and body.",
            ResultShape.Typed => "The deserialised body with the raw response.",
            _ => "The items of every page, fetched as they are enumerated.",
        });
        if (plan.Shape is ResultShape.Raw or ResultShape.Typed)
        {
            code.Doc("exception", "The service answered with an error status, or the call failed (see the subtypes).", "cref=\"ApiException\"");
        }
    }

    private static string DefaultDescription(ParameterPlan parameter) => parameter.Target switch
    {
        ParameterTarget.JsonBody => "The request body.",
        ParameterTarget.RawBody => "The request body.",
        ParameterTarget.FormFile => $"The file sent as the <c>{XmlDocText.Escape(parameter.WireName)}</c> part.",
        ParameterTarget.FormField => $"The <c>{XmlDocText.Escape(parameter.WireName)}</c> form field.",
        ParameterTarget.Path => $"The <c>{XmlDocText.Escape(parameter.WireName)}</c> path value.",
        ParameterTarget.Header => $"The <c>{XmlDocText.Escape(parameter.WireName)}</c> header.",
        _ => $"The <c>{XmlDocText.Escape(parameter.WireName)}</c> query parameter.",
    };

    private static void WriteRequestBuilder(CodeBuilder code, OperationPlan plan, string builder)
    {
        var op = plan.Operation;
        var signature = string.Join(", ", plan.Parameters.Select(p => $"{p.Declared} {p.Name}"));
        code.Line();
        code.Line($"internal static ApiRequest {builder}({signature})").Open();
        foreach (var parameter in plan.Parameters.Where(p => p.Required))
        {
            if (parameter.Target == ParameterTarget.Path && parameter.Type!.Kind == CsTypeKind.String)
            {
                code.Line($"ArgumentException.ThrowIfNullOrEmpty({parameter.Name});");
            }
            else if (!parameter.Type?.IsValueType ?? true)
            {
                code.Line($"ArgumentNullException.ThrowIfNull({parameter.Name});");
            }
        }

        var (template, pathArguments) = PathTemplate(op.Path, plan.Parameters);
        var method = MethodExpression(op.Method);
        code.Line(pathArguments.Count == 0
            ? $"var request = new ApiRequest({method}, {XmlDocText.Literal(template)});"
            : $"var request = new ApiRequest({method}, ApiRequest.FormatPath({XmlDocText.Literal(template)}, {string.Join(", ", pathArguments)}));");
        foreach (var parameter in plan.Parameters.Where(p => p.Target == ParameterTarget.Query))
        {
            code.Line(QueryStatement(parameter));
        }

        foreach (var parameter in plan.Parameters.Where(p => p.Target == ParameterTarget.Header))
        {
            var value = Text(parameter, parameter.Name);
            code.Line(parameter.Required
                ? $"request.WithHeader({XmlDocText.Literal(parameter.WireName)}, {value});"
                : $"if ({parameter.Name} is not null) request.WithHeader({XmlDocText.Literal(parameter.WireName)}, {Text(parameter, Value(parameter))});");
        }

        var form = plan.Parameters.Where(p => p.Target is ParameterTarget.FormField or ParameterTarget.FormFile).ToList();
        if (form.Count > 0)
        {
            code.Line("var form = new MultipartBody();");
            foreach (var field in form)
            {
                var wire = XmlDocText.Literal(field.WireName);
                if (field.Target == ParameterTarget.FormFile)
                {
                    code.Line(field.Required ? $"{field.Name}.AddTo(form, {wire});" : $"{field.Name}?.AddTo(form, {wire});");
                }
                else
                {
                    var add = $"form.AddField({wire}, {FormText(field, field.Required ? field.Name : Value(field))});";
                    code.Line(field.Required ? add : $"if ({field.Name} is not null) {add}");
                }
            }

            code.Line("request.Body = form;");
        }

        foreach (var body in plan.Parameters.Where(p => p.Target is ParameterTarget.JsonBody or ParameterTarget.RawBody))
        {
            if (body.Target == ParameterTarget.RawBody)
            {
                code.Line($"request.Body = {body.Name};");
            }
            else if (body.Type!.Kind == CsTypeKind.Json)
            {
                code.Line(body.Required ? $"request.Body = JsonBody.From({body.Name});" : $"request.Body = {body.Name} is {{ }} json ? JsonBody.From(json) : null;");
            }
            else
            {
                var from = $"JsonBody.From({(body.Required || !body.Type.IsValueType ? body.Name : body.Name + ".Value")}, MistJsonContext.Default.{body.Type.InfoName})";
                code.Line(body.Required ? $"request.Body = {from};" : $"request.Body = {body.Name} is null ? null : {from};");
            }
        }

        code.Line("return request;");
        code.Close();
    }

    private static string MethodExpression(string method) => method switch
    {
        "GET" => "HttpMethod.Get",
        "POST" => "HttpMethod.Post",
        "PUT" => "HttpMethod.Put",
        "PATCH" => "HttpMethod.Patch",
        "DELETE" => "HttpMethod.Delete",
        "HEAD" => "HttpMethod.Head",
        "OPTIONS" => "HttpMethod.Options",
        "TRACE" => "HttpMethod.Trace",
        _ => $"new HttpMethod({XmlDocText.Literal(method)})",
    };

    /// <summary>The path as a <c>string.Format</c> template (<c>{0}</c>…, literal braces doubled) and the argument expressions.</summary>
    private static (string Template, List<string> Arguments) PathTemplate(string path, IReadOnlyList<ParameterPlan> parameters)
    {
        var template = new StringBuilder();
        var arguments = new List<string>();
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            var close = c == '{' ? path.IndexOf('}', i) : -1;
            if (close > i)
            {
                var name = path[(i + 1)..close];
                var parameter = parameters.FirstOrDefault(p => p.Target == ParameterTarget.Path && p.WireName == name);
                if (parameter is not null)
                {
                    template.Append('{').Append(arguments.Count.ToString(CultureInfo.InvariantCulture)).Append('}');
                    arguments.Add(parameter.Type!.Kind == CsTypeKind.Enum
                        ? $"MistWireFormat.Enum({parameter.Name}, MistJsonContext.Default.{parameter.Type.InfoName})"
                        : parameter.Name);
                    i = close;
                    continue;
                }
            }

            template.Append(c switch { '{' => "{{", '}' => "}}", _ => c.ToString() });
        }

        return (arguments.Count == 0 ? path : template.ToString(), arguments);
    }

    private static string QueryStatement(ParameterPlan parameter)
    {
        var wire = XmlDocText.Literal(parameter.WireName);
        var type = parameter.Type!;
        switch (type.Kind)
        {
            case CsTypeKind.String:
            case CsTypeKind.Primitive:
                return $"request.WithQuery({wire}, {parameter.Name});";
            case CsTypeKind.Enum:
                return $"request.WithQuery({wire}, MistWireFormat.Enum({parameter.Name}, MistJsonContext.Default.{type.InfoName}));";
            case CsTypeKind.List:
                var element = type.Element!;
                var format = element.Kind switch
                {
                    CsTypeKind.String => "static value => value",
                    CsTypeKind.Enum => $"static value => MistWireFormat.Enum(value, MistJsonContext.Default.{element.InfoName})",
                    _ when element.Name.EndsWith('?') => "static value => value is null ? null : QueryValue.Format(value.Value)",
                    _ => "static value => QueryValue.Format(value)",
                };
                return $"request.WithQueryValues({wire}, {parameter.Name}, {(parameter.Explode ? "true" : "false")}, {format});";
            default:
                return $"request.WithQuery({wire}, MistWireFormat.Json({parameter.Name}));";
        }
    }

    private static string Value(ParameterPlan parameter) => parameter.Type is { IsValueType: true } ? parameter.Name + ".Value" : parameter.Name;

    private static string Text(ParameterPlan parameter, string expression) => parameter.Type!.Kind switch
    {
        CsTypeKind.String => expression,
        CsTypeKind.Primitive => $"QueryValue.Format({expression})",
        CsTypeKind.Enum => $"MistWireFormat.Enum({expression}, MistJsonContext.Default.{parameter.Type.InfoName})",
        _ => $"MistWireFormat.Json({expression}, MistJsonContext.Default.{parameter.Type.InfoName})",
    };

    private static string FormText(ParameterPlan parameter, string expression) => Text(parameter, expression);
}
