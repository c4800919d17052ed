using System.Globalization;
using System.Text.Json;

namespace GanTuner.Tuning;

/// <summary>Reads the JSON format of <see cref="SearchSpace.Parse"/>, strictly: an unknown kind or field
/// is an error rather than a silently ignored typo.</summary>
internal static class SearchSpaceJson
{
    private static readonly Dictionary<string, string[]> FieldsByKind = new(StringComparer.Ordinal)
    {
        ["integer"] = ["low", "high"],
        ["real"] = ["low", "high", "log"],
        ["stepped"] = ["low", "high", "step"],
        ["power_of_two"] = ["low", "high"],
        ["categorical"] = ["choices"],
    };

    public static SearchSpace Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("parameters", out var list)
                || list.ValueKind != JsonValueKind.Array)
            {
                throw new SearchSpaceException("expected an object with a \"parameters\" array");
            }

            return new SearchSpace(list.EnumerateArray().Select(ParseParameter).ToList());
        }
        catch (JsonException e)
        {
            throw new SearchSpaceException($"search space {source} is not valid JSON: {e.Message}", e);
        }
        catch (SearchSpaceException e)
        {
            throw new SearchSpaceException($"search space {source}: {e.Message}", e);
        }
    }

    private static SearchParameter ParseParameter(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new SearchSpaceException($"parameter {index + 1} is not an object");
        }

        var name = element.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
            ? n.GetString()!
            : throw new SearchSpaceException($"parameter {index + 1} has no \"name\" string");
        var kind = element.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String
            ? k.GetString()!
            : throw new SearchSpaceException($"parameter '{name}' has no \"kind\" string");
        if (!FieldsByKind.TryGetValue(kind, out var fields))
        {
            throw new SearchSpaceException(
                $"parameter '{name}': unknown kind '{kind}'; expected one of {string.Join(", ", FieldsByKind.Keys)}");
        }

        var stray = element.EnumerateObject().Select(p => p.Name)
            .FirstOrDefault(p => p is not ("name" or "kind") && !fields.Contains(p));
        if (stray is not null)
        {
            throw new SearchSpaceException($"parameter '{name}': a {kind} parameter has no field \"{stray}\"");
        }

        return kind switch
        {
            "integer" => new IntegerParameter(name, Integer(element, name, "low"), Integer(element, name, "high")),
            "real" => new RealParameter(name, Number(element, name, "low"), Number(element, name, "high"), Log(element, name)),
            "stepped" => new SteppedParameter(
                name, Number(element, name, "low"), Number(element, name, "high"), Number(element, name, "step")),
            "power_of_two" => new PowerOfTwoParameter(name, Integer(element, name, "low"), Integer(element, name, "high")),
            _ => new CategoricalParameter(name, Choices(element, name)),
        };
    }

    private static double Number(JsonElement element, string name, string field) =>
        element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new SearchSpaceException($"parameter '{name}': \"{field}\" must be a number");

    private static long Integer(JsonElement element, string name, string field)
    {
        var number = Number(element, name, field);
        return Math.Floor(number) == number && Math.Abs(number) < 1e15
            ? (long)number
            : throw new SearchSpaceException(
                $"parameter '{name}': \"{field}\" must be a whole number, not {number.ToString(CultureInfo.InvariantCulture)}");
    }

    private static bool Log(JsonElement element, string name) =>
        !element.TryGetProperty("log", out var value) || value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.ValueKind == JsonValueKind.True
            : throw new SearchSpaceException($"parameter '{name}': \"log\" must be true or false");

    private static List<string> Choices(JsonElement element, string name)
    {
        if (!element.TryGetProperty("choices", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new SearchSpaceException($"parameter '{name}': \"choices\" must be an array");
        }

        return list.EnumerateArray().Select(choice => choice.ValueKind switch
        {
            JsonValueKind.String => choice.GetString()!,
            JsonValueKind.Number => choice.GetRawText(),
            _ => throw new SearchSpaceException($"parameter '{name}': each choice must be a string or a number"),
        }).ToList();
    }
}
