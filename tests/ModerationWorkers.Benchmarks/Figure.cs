namespace ModerationWorkers.Benchmarks;

/// <summary>One figure over several runs: the median is reported, with the minimum and maximum beside it.</summary>
public sealed record Figure(IReadOnlyList<double> Values)
{
    public double Median
    {
        get
        {
            var sorted = Values.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double Min => Values.Min();

    public double Max => Values.Max();

    public static Figure Of(IEnumerable<double> values) => new(values.ToArray());
}
