using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using Inspection.Sampling.Domain;

namespace Inspection.Sampling;

/// <summary>
/// A complete snapshot's cases packed column by column into one value, written once when the snapshot is completed
/// (it never changes after) and read back by a host that has just started: a million cases come back from
/// PostgreSQL as some twenty megabytes in one field instead of a million rows of sixteen fields, which is what
/// makes the first draw after a restart as quick as the next ones. The rows stay the record; the image is derived
/// from them in the same transaction and carries the snapshot's digest, which the reader checks.
/// Layout (little-endian): format, case count, digest, length of the reference text; references front-coded (bytes shared with the previous
/// reference, then the rest); start days; per word column its words then one code per case (a byte when the
/// column has at most 256 words, else four).
/// </summary>
public static class SnapshotImage
{
    public const int Format = 1;

    public static byte[] Write(PopulationColumns population, string digest)
    {
        using var stream = new MemoryStream(population.Count * 24 + 1024);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write(population.Count);
            writer.Write(digest);
            writer.Write(population.ReferenceText.Length);
            var text = population.ReferenceText;
            var starts = population.ReferenceStarts;
            var previous = ReadOnlySpan<byte>.Empty;
            for (var i = 0; i < population.Count; i++)
            {
                var reference = text[starts[i]..starts[i + 1]];
                var shared = reference.CommonPrefixLength(previous);
                writer.Write7BitEncodedInt(shared);
                writer.Write7BitEncodedInt(reference.Length - shared);
                writer.Write(reference[shared..]);
                previous = reference;
            }
            foreach (var day in population.StartDays) writer.Write(day);
            foreach (var column in population.WordColumns)
            {
                writer.Write7BitEncodedInt(column.Words.Count);
                foreach (var word in column.Words) writer.Write(word);
                if (column.Words.Count <= 256)
                {
                    foreach (var code in column.Codes) writer.Write((byte)code);
                }
                else
                {
                    foreach (var code in column.Codes) writer.Write(code);
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The cases of an image, checked against the snapshot's case count and digest. An image of another snapshot or
    /// format, or a damaged one, gives null: the caller reads the rows instead.
    /// </summary>
    public static PopulationColumns? Read(byte[] image, long expectedCount, string expectedDigest)
    {
        try
        {
            return Unpack(image, expectedCount, expectedDigest);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentOutOfRangeException or IndexOutOfRangeException or FormatException)
        {
            return null;
        }
    }

    // Compiled optimised at once: it runs once per snapshot after a start, too few times for tiered compilation to reach it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static PopulationColumns? Unpack(byte[] image, long expectedCount, string expectedDigest)
    {
        using var reader = new BinaryReader(new MemoryStream(image, writable: false), Encoding.UTF8);
        if (reader.ReadInt32() != Format) return null;
        var count = reader.ReadInt32();
        if (count != expectedCount || reader.ReadString() != expectedDigest) return null;

        var text = new byte[reader.ReadInt32()];
        var position = (int)reader.BaseStream.Position;
        var bytes = image.AsSpan();
        var starts = new int[count + 1];
        var end = 0;
        var previousStart = 0;
        for (var i = 0; i < count; i++)
        {
            var shared = Read7BitInt(bytes, ref position);
            var rest = Read7BitInt(bytes, ref position);
            text.AsSpan(previousStart, shared).CopyTo(text.AsSpan(end));
            bytes.Slice(position, rest).CopyTo(text.AsSpan(end + shared));
            position += rest;
            previousStart = end;
            end += shared + rest;
            starts[i + 1] = end;
        }
        if (end != text.Length) return null;
        var days = new int[count];
        for (var i = 0; i < count; i++, position += 4) days[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]);

        reader.BaseStream.Position = position;
        var columns = new WordColumn[PopulationColumns.WordColumnCount];
        for (var c = 0; c < columns.Length; c++)
        {
            var words = new string[reader.Read7BitEncodedInt()];
            for (var w = 0; w < words.Length; w++) words[w] = Canonical(reader.ReadString());
            position = (int)reader.BaseStream.Position;
            var codes = new int[count];
            if (words.Length <= 256)
            {
                var source = bytes.Slice(position, count);
                for (var i = 0; i < count; i++) codes[i] = source[i];
                position += count;
            }
            else
            {
                for (var i = 0; i < count; i++, position += 4) codes[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]);
            }
            foreach (var code in codes)
            {
                if ((uint)code >= (uint)words.Length) return null;
            }
            columns[c] = new WordColumn(words, codes);
            reader.BaseStream.Position = position;
        }
        return position == image.Length ? new PopulationColumns(text, starts, days, columns) : null;
    }

    private static int Read7BitInt(ReadOnlySpan<byte> bytes, ref int position)
    {
        var value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }

    /// <summary>The vocabulary's own instance of a word when it is one (words compare by reference first in the draw).</summary>
    private static string Canonical(string word)
    {
        foreach (var vocabulary in (IReadOnlyList<string>[])[CaseVocabulary.SentenceTypes, CaseVocabulary.Genders, CaseVocabulary.EthnicGroups,
            CaseVocabulary.RoshLevels, CaseVocabulary.CourtReportTypes, CaseVocabulary.Flags, CaseVocabulary.MappaLevels])
        {
            foreach (var known in vocabulary)
            {
                if (string.Equals(known, word, StringComparison.Ordinal)) return known;
            }
        }
        return word;
    }
}
