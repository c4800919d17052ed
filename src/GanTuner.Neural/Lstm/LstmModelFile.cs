using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanTuner.Neural.Lstm;

/// <summary>
/// Saves and loads a trained float32 <see cref="LstmNetwork{T}"/> with its spec and free-form
/// metadata, in one versioned JSON document:
/// <code>
/// { "format": "gantuner-lstm", "version": 1,
///   "spec": { "layers": 2, "hidden": 34, "dropout": 0.2, "inputSize": 1 },
///   "metadata": { "any": "string" },
///   "dtype": "float32", "parameterCount": 14323,
///   "parameters": "&lt;base64 of the little-endian float32 parameter vector&gt;" }
/// </code>
/// The parameter vector uses <see cref="LstmNetwork{T}"/>'s layout (per layer the fused
/// [4H × (I + H)] kernel and the 4H bias, then the head's H weights and bias).
/// </summary>
public static class LstmModelFile
{
    /// <summary>The value of "format".</summary>
    public const string Format = "gantuner-lstm";

    /// <summary>The version this code writes and reads.</summary>
    public const int Version = 1;

    /// <summary>Writes the network and metadata to <paramref name="path"/> (replacing it only once fully written).</summary>
    public static void Save(string path, LstmNetwork<float> network, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        // A name of its own, so that workers sharing the folder never write the same temporary file.
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        using (var stream = File.Create(temporary))
        {
            Save(stream, network, metadata);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Writes the network and metadata to a stream.</summary>
    public static void Save(Stream stream, LstmNetwork<float> network, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(network);
        var bytes = MemoryMarshal.AsBytes(network.Parameters.AsSpan()).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Model files are little-endian.");
        }

        var meta = new JsonObject();
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            meta[key] = value;
        }

        var document = new JsonObject
        {
            ["format"] = Format,
            ["version"] = Version,
            ["spec"] = new JsonObject
            {
                ["layers"] = network.Spec.Layers,
                ["hidden"] = network.Spec.Hidden,
                ["dropout"] = network.Spec.Dropout,
                ["inputSize"] = network.Spec.InputSize,
            },
            ["metadata"] = meta,
            ["dtype"] = "float32",
            ["parameterCount"] = network.ParameterCount,
            ["parameters"] = Convert.ToBase64String(bytes),
        };
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        document.WriteTo(writer);
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="ModelFileException">The file is missing, not a model file, of another version, or damaged.</exception>
    public static (LstmNetwork<float> Network, IReadOnlyDictionary<string, string> Metadata) Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException($"{path}: cannot read the model file ({ex.Message})", ex);
        }
    }

    /// <summary>Reads a model from a stream; <paramref name="source"/> names it in messages.</summary>
    public static (LstmNetwork<float> Network, IReadOnlyDictionary<string, string> Metadata) Load(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            var root = JsonNode.Parse(stream)?.AsObject() ?? throw new ModelFileException($"{source}: empty model file");
            if ((string?)root["format"] != Format)
            {
                throw new ModelFileException($"{source}: not a GanTuner LSTM model file");
            }

            var version = (int?)root["version"];
            if (version != Version)
            {
                throw new ModelFileException($"{source}: model file version {version} is not supported (this build reads version {Version})");
            }

            if ((string?)root["dtype"] != "float32")
            {
                throw new ModelFileException($"{source}: unsupported parameter type {(string?)root["dtype"]}");
            }

            var spec = Required(root["spec"], "spec", source);
            var network = new LstmNetwork<float>(new LstmSpec(
                (int)Required(spec["layers"], "spec.layers", source),
                (int)Required(spec["hidden"], "spec.hidden", source),
                (double)Required(spec["dropout"], "spec.dropout", source),
                (int)Required(spec["inputSize"], "spec.inputSize", source)));
            var bytes = Convert.FromBase64String((string?)Required(root["parameters"], "parameters", source) ?? string.Empty);
            if ((int?)root["parameterCount"] != network.ParameterCount || bytes.Length != network.ParameterCount * sizeof(float))
            {
                throw new ModelFileException($"{source}: the parameters do not match the spec ({network.Spec})");
            }

            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(network.Parameters);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in root["metadata"]?.AsObject() ?? [])
            {
                metadata[key] = (string?)value ?? string.Empty;
            }

            return (network, metadata);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new ModelFileException($"{source}: damaged model file ({ex.Message})", ex);
        }
    }

    private static JsonNode Required(JsonNode? node, string name, string source) =>
        node ?? throw new ModelFileException($"{source}: damaged model file (no {name})");
}
