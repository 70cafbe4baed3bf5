using System.Text.Json;
using Conduit.Mist.Api;
using Conduit.Mist.Models;

namespace Conduit.Mist.Tests.Api;

public sealed class OptionalTests
{
    [Fact]
    public void Serialize_UnsetFields_AreNotWritten()
    {
        var site = new Site { Name = "HQ" };

        Assert.Equal("{\"name\":\"HQ\"}", JsonSerializer.Serialize(site, MistJsonContext.Default.Site));
    }

    [Fact]
    public void Serialize_ExplicitNull_IsWrittenAsNull()
    {
        var site = new Site { Name = "HQ", Notes = Optional<string>.Null, Latlng = Optional<LatLng>.Null };

        Assert.Equal("{\"latlng\":null,\"name\":\"HQ\",\"notes\":null}", JsonSerializer.Serialize(site, MistJsonContext.Default.Site));
    }

    [Fact]
    public void Deserialize_AbsentNullAndValue_AreThreeStates()
    {
        var site = JsonSerializer.Deserialize("{\"name\":\"HQ\",\"notes\":null}", MistJsonContext.Default.Site)!;

        Assert.Equal(OptionalState.Value, site.Name.State);
        Assert.Equal(OptionalState.Null, site.Notes.State);
        Assert.Equal(OptionalState.Unset, site.Timezone.State);
        Assert.Equal("HQ", site.Name.Value);
        Assert.Null(site.Timezone.GetValueOrDefault());
        Assert.Throws<InvalidOperationException>(() => site.Notes.Value);
    }

    [Fact]
    public void ReadModifyWrite_AbsentFieldsStayAbsent_UnknownFieldsAreKept()
    {
        const string read = "{\"id\":\"s1\",\"name\":\"HQ\",\"notes\":null,\"latlng\":{\"lat\":1.5,\"lng\":2},\"x_future_field\":{\"a\":[1,2]}}";
        var site = JsonSerializer.Deserialize(read, MistJsonContext.Default.Site)!;

        site.Name = "Head office";
        var written = JsonSerializer.Serialize(site, MistJsonContext.Default.Site);

        Assert.Equal("{\"id\":\"s1\",\"latlng\":{\"lat\":1.5,\"lng\":2},\"name\":\"Head office\",\"notes\":null,\"x_future_field\":{\"a\":[1,2]}}", written);
        Assert.DoesNotContain("timezone", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_ConversionsAndEquality_KeepStatesApart()
    {
        Optional<string> fromNull = (string?)null;
        Optional<string> fromValue = "x";
        Optional<long> zero = 0;

        Assert.Equal(OptionalState.Null, fromNull.State);
        Assert.True(fromValue.HasValue);
        Assert.True(zero.HasValue);
        Assert.NotEqual(Optional<long>.Unset, zero);
        Assert.NotEqual(Optional<string>.Unset, Optional<string>.Null);
        Assert.Equal(Optional<string>.Unset, default);
        Assert.Equal(7L, Optional<long>.Unset.GetValueOrDefault(7));
    }

    [Fact]
    public void OptionalJsonConverter_OwnTypes_RoundTripsAllStates()
    {
        var converter = new OptionalJsonConverter<long>();
        var options = MistJsonContext.Default.Options;

        Assert.Equal("5", Write(converter, new Optional<long>(5), options));
        Assert.Equal("null", Write(converter, Optional<long>.Null, options));
        Assert.Equal(5, Read(converter, "5", options).Value);
        Assert.Equal(OptionalState.Null, Read(converter, "null", options).State);
    }

    private static string Write(OptionalJsonConverter<long> converter, Optional<long> value, JsonSerializerOptions options)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            converter.Write(writer, value, options);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Optional<long> Read(OptionalJsonConverter<long> converter, string json, JsonSerializerOptions options)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        return converter.Read(ref reader, typeof(Optional<long>), options);
    }
}
