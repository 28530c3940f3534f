using HdrHistogram;
using HdrHistogram.Utilities;

namespace Hub.LoadTests.Runner;

/// <summary>
/// A latency histogram as text, in HdrHistogram's own compressed encoding (base64), so an agent
/// hands the coordinator every recorded value and the coordinator's percentiles are exact.
/// </summary>
public static class HistogramCodec
{
    public static string Encode(HistogramBase histogram)
    {
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        var bytes = new byte[histogram.EncodeIntoCompressedByteBuffer(buffer)];
        buffer.Position = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = buffer.Get();
        }
        return Convert.ToBase64String(bytes);
    }

    /// <summary>Reads an encoded histogram; a text that is not one is a <see cref="FormatException"/>.</summary>
    public static HistogramBase Decode(string encoded)
    {
        try
        {
            return HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(Convert.FromBase64String(encoded)), 0);
        }
        catch (Exception error) when (error is not FormatException)
        {
            throw new FormatException($"not an encoded histogram: {error.Message}", error);
        }
    }
}
