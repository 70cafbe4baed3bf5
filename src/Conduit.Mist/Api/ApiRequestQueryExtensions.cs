using Conduit.Http;

namespace Conduit.Mist.Api;

/// <summary>Adds array query parameters in the document's style: repeated keys (explode) or one comma-separated value.</summary>
internal static class ApiRequestQueryExtensions
{
    /// <summary>Adds <paramref name="values"/> under <paramref name="name"/>; null adds nothing, an empty list adds nothing.</summary>
    public static ApiRequest WithQueryValues<T>(this ApiRequest request, string name, IEnumerable<T>? values, bool explode, Func<T, string?> format)
    {
        if (values is null)
        {
            return request;
        }

        var texts = values.Select(format).Where(t => t is not null).ToList();
        if (texts.Count == 0)
        {
            return request;
        }

        if (!explode)
        {
            return request.WithQuery(name, string.Join(',', texts));
        }

        foreach (var text in texts)
        {
            request.WithQuery(name, text);
        }

        return request;
    }
}
