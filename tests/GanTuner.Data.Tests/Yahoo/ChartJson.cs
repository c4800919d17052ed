namespace GanTuner.Data.Tests.Yahoo;

/// <summary>Answers in the shape of Yahoo's /v8/finance/chart endpoint, written by hand.</summary>
internal static class ChartJson
{
    // 2024-03-01 .. 2024-03-06 at 14:30 UTC (09:30 New York), gmtoffset -18000.
    public const string Success = """
        {"chart":{"result":[{"meta":{"currency":"USD","symbol":"^GSPC","exchangeName":"SNP","instrumentType":"INDEX",
        "gmtoffset":-18000,"timezone":"EST","exchangeTimezoneName":"America/New_York"},
        "timestamp":[1709303400,1709562600,1709649000,1709735400],
        "indicators":{"quote":[{"open":[5098.51,5130.99,5110.52,5108.03],"high":[5140.33,5149.67,5114.54,5127.97],
        "low":[5094.16,5127.18,5056.82,5092.22],"close":[5137.08,5130.95,5078.65,5104.76],
        "volume":[3886850000,4758440000,4418410000,4559050000]}],
        "adjclose":[{"adjclose":[5137.08,5130.95,5078.65,5104.76]}]}}],"error":null}}
        """;

    // The second bar has no values at all, the third only lacks its volume.
    public const string WithNulls = """
        {"chart":{"result":[{"meta":{"gmtoffset":-18000},
        "timestamp":[1709303400,1709562600,1709649000,1709735400],
        "indicators":{"quote":[{"open":[5098.51,null,5110.52,5108.03],"high":[5140.33,null,5114.54,5127.97],
        "low":[5094.16,null,5056.82,5092.22],"close":[5137.08,null,5078.65,5104.76],
        "volume":[3886850000,null,null,4559050000]}],
        "adjclose":[{"adjclose":[5137.08,null,5078.65,5104.76]}]}}],"error":null}}
        """;

    public const string NotFound = """
        {"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}
        """;

    public const string Malformed = """{"chart":{"result":[{"meta":{"gmtoffset":-18000},"timestamp":[1709303400""";
}
