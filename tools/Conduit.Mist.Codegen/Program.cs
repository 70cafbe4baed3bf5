using Conduit.Mist.Codegen;
using Conduit.Mist.Codegen.Document;
using Conduit.Mist.Codegen.Model;
using Conduit.Mist.Codegen.Sandbox;
using Conduit.Mist.Codegen.Sdk;

var commandLine = GeneratorCommandLine.Parse(args, out var error);
if (commandLine is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(GeneratorCommandLine.Usage);
    return 2;
}

var document = OpenApiDocumentLoader.Load(commandLine.Spec);
if (commandLine.SandboxOutput is { } sandboxFolder)
{
    var model = ApiModelBuilder.Build(document);
    var written = SandboxTableWriter.Write(model, sandboxFolder);
    Console.WriteLine($"{written}: {model.Operations.Count} operations, {model.Schemas.Nodes.Count} schema nodes ({model.Title} {model.Version}).");
}

if (commandLine.SdkOutput is { } sdkFolder)
{
    var model = SdkWriter.BuildModel(document);
    var result = SdkWriter.Write(model, sdkFolder);
    Console.WriteLine(
        $"{sdkFolder}: {result.Operations} of {model.Operations.Count} operations ({result.Methods} method pairs) in {result.Groups} groups, " +
        $"{result.Models} models, {result.Enums} enums; {result.Files} files, {result.Lines} lines ({model.Title} {model.Version}).");
}

return 0;
