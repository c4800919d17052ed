using GanTuner.Neural.Lstm;

namespace GanTuner.Neural.Tests;

public sealed class LstmModelFileTests
{
    [Fact]
    public void A_saved_network_loads_with_its_spec_weights_and_metadata()
    {
        var network = new LstmNetwork<float>(new LstmSpec(3, 4, 0.25, 2));
        network.InitializeKeras(new SeededRandom(8));
        using var stream = new MemoryStream();

        LstmModelFile.Save(stream, network, new Dictionary<string, string> { ["note"] = "hello" });
        stream.Position = 0;
        var (loaded, metadata) = LstmModelFile.Load(stream, "memory");

        Assert.Equal(network.Spec, loaded.Spec);
        Assert.Equal(network.Parameters, loaded.Parameters);
        Assert.Equal("hello", metadata["note"]);
    }

    [Theory]
    [InlineData("{\"format\":\"gantuner-lstm\",\"version\":99}", "version 99 is not supported")]
    [InlineData("not json", "damaged model file")]
    [InlineData("{\"format\":\"gantuner-lstm\",\"version\":1,\"dtype\":\"float32\",\"spec\":{\"layers\":1,\"hidden\":2,\"dropout\":0,\"inputSize\":1},\"parameterCount\":3,\"parameters\":\"AAAA\"}", "do not match the spec")]
    public void A_bad_model_file_is_refused_with_a_reason(string content, string reason)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));

        var error = Assert.Throws<ModelFileException>(() => LstmModelFile.Load(stream, "bad.json"));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.json: ", error.Message, StringComparison.Ordinal);
    }
}
