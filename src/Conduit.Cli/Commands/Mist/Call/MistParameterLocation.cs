namespace Conduit.Cli.Commands.Mist.Call;

/// <summary>Where a generated operation puts a parameter.</summary>
internal enum MistParameterLocation
{
    /// <summary>A value in the path template, e.g. <c>{org_id}</c>.</summary>
    Path,

    /// <summary>A query parameter.</summary>
    Query,

    /// <summary>A request header.</summary>
    Header,

    /// <summary>A text field of a multipart form.</summary>
    FormField,

    /// <summary>A file part of a multipart form.</summary>
    File,

    /// <summary>The request body (given with <c>--body</c>).</summary>
    Body,
}
