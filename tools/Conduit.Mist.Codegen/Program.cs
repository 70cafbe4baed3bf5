using Conduit.Mist.Codegen;
using Conduit.Mist.Codegen.Document;
using Conduit.Mist.Codegen.Model;
using Conduit.Mist.Codegen.Sandbox;

var commandLine = GeneratorCommandLine.Parse(args, out var error);
if (commandLine is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(GeneratorCommandLine.Usage);
    return 2;
}

var model = ApiModelBuilder.Build(OpenApiDocumentLoader.Load(commandLine.Spec));
if (commandLine.SandboxOutput is { } sandboxFolder)
{
    var written = SandboxTableWriter.Write(model, sandboxFolder);
    Console.WriteLine($"{written}: {model.Operations.Count} operations, {model.Schemas.Nodes.Count} schema nodes ({model.Title} {model.Version}).");
}

if (commandLine.SdkOutput is not null)
{
    Console.Error.WriteLine("--output (the SDK writer) is not implemented yet.");
    return 3;
}

return 0;
