using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Inspection.Sampling.Data;

/// <summary>
/// A complete snapshot's cases packed column by column into one value, written once when the snapshot is completed
/// (it never changes after) and read back by a host that has just started: a million cases come back from
/// PostgreSQL as some fifteen megabytes in one field instead of a million rows of sixteen fields, which is what
/// makes the first draw after a restart about as quick as the next ones. The rows stay the record; the image is
/// derived from them in the same transaction and carries the snapshot's digest, which the reader checks.
/// Layout: blocks, each an int32 length then its bytes (little-endian): the header (format, case count, digest,
/// length of the reference text); the references, front-coded (bytes shared with the previous reference, then the
/// rest); the start days; per word column its words, then one code per case (a byte when the column has at most
/// 256 words, else four). The reader takes the blocks straight off the wire into the columns.
/// </summary>
public static class SnapshotImage
{
    public const int Format = 2;

    public static byte[] Write(PopulationColumns population, string digest)
    {
        using var stream = new MemoryStream(population.Count * 20 + 1024);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        void Block(Action<BinaryWriter> write)
        {
            var start = stream.Position;
            writer.Write(0);
            write(writer);
            var end = stream.Position;
            stream.Position = start;
            writer.Write(checked((int)(end - start - 4)));
            stream.Position = end;
        }

        Block(w =>
        {
            w.Write(Format);
            w.Write(population.Count);
            w.Write(digest);
            w.Write(population.ReferenceText.Length);
        });
        Block(w =>
        {
            var text = population.ReferenceText;
            var starts = population.ReferenceStarts;
            var previous = ReadOnlySpan<byte>.Empty;
            for (var i = 0; i < population.Count; i++)
            {
                var reference = text[starts[i]..starts[i + 1]];
                var shared = reference.CommonPrefixLength(previous);
                w.Write7BitEncodedInt(shared);
                w.Write7BitEncodedInt(reference.Length - shared);
                w.Write(reference[shared..]);
                previous = reference;
            }
        });
        Block(w =>
        {
            foreach (var day in population.StartDays) w.Write(day);
        });
        foreach (var column in population.WordColumns)
        {
            Block(w =>
            {
                w.Write7BitEncodedInt(column.Words.Count);
                foreach (var word in column.Words) w.Write(word);
            });
            Block(w =>
            {
                if (column.IsNarrow) w.Write(column.NarrowCodes);
                else for (var i = 0; i < column.Length; i++) w.Write(column.Code(i));
            });
        }
        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>
    /// The cases of an image, checked against the snapshot's case count and digest. An image of another snapshot or
    /// format, or a damaged one, gives null: the caller reads the rows instead.
    /// </summary>
    public static async Task<PopulationColumns?> ReadAsync(Stream image, long expectedCount, string expectedDigest, CancellationToken ct)
    {
        try
        {
            return await UnpackAsync(image, expectedCount, expectedDigest, ct);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException or FormatException)
        {
            return null;
        }
    }

    public static PopulationColumns? Read(byte[] image, long expectedCount, string expectedDigest)
        => ReadAsync(new MemoryStream(image, writable: false), expectedCount, expectedDigest, CancellationToken.None).GetAwaiter().GetResult();

    private static async Task<PopulationColumns?> UnpackAsync(Stream image, long expectedCount, string expectedDigest, CancellationToken ct)
    {
        var header = await ReadBlockAsync(image, 4096, ct);
        int count, textLength;
        using (var reader = new BinaryReader(new MemoryStream(header), Encoding.UTF8))
        {
            if (reader.ReadInt32() != Format) return null;
            count = reader.ReadInt32();
            if (count != expectedCount || reader.ReadString() != expectedDigest) return null;
            textLength = reader.ReadInt32();
        }

        // One scratch buffer for the blocks that are decoded rather than kept (references, days, wide codes).
        var referencesLength = await ReadLengthAsync(image, int.MaxValue, ct);
        var scratch = ArrayPool<byte>.Shared.Rent(Math.Max(Math.Max(4 * count, referencesLength), 1024));
        try
        {
            await image.ReadExactlyAsync(scratch.AsMemory(0, referencesLength), ct);
            var (text, starts) = References(scratch.AsSpan(0, referencesLength), count, textLength);
            var length = await ReadBlockIntoAsync(image, scratch, ct);
            var days = Ints(scratch.AsSpan(0, length), count);

            var columns = new WordColumn[PopulationColumns.WordColumnCount];
            for (var c = 0; c < columns.Length; c++)
            {
                var words = Words(await ReadBlockAsync(image, 1 << 24, ct));
                if (words.Length <= WordColumn.MaxNarrowWords)
                {
                    var codes = new byte[count];
                    if (await ReadBlockIntoAsync(image, codes, ct) != count) throw new InvalidDataException("codes");
                    CheckCodes(codes, words.Length);
                    columns[c] = new WordColumn(words, codes);
                }
                else
                {
                    length = await ReadBlockIntoAsync(image, scratch, ct);
                    var codes = Ints(scratch.AsSpan(0, length), count);
                    foreach (var code in codes)
                    {
                        if ((uint)code >= (uint)words.Length) throw new InvalidDataException("code");
                    }
                    columns[c] = new WordColumn(words, codes);
                }
            }
            if (await image.ReadAsync(scratch.AsMemory(0, 1), ct) != 0) return null;
            return new PopulationColumns(text, starts, days, columns);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    // Compiled optimised at once (and the loops below): they run once per snapshot after a start, too few times for
    // tiered compilation to reach them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (byte[] Text, int[] Starts) References(ReadOnlySpan<byte> block, int count, int textLength)
    {
        var text = new byte[textLength];
        var starts = new int[count + 1];
        var position = 0;
        var end = 0;
        var previousStart = 0;
        for (var i = 0; i < count; i++)
        {
            var shared = Read7BitInt(block, ref position);
            var rest = Read7BitInt(block, ref position);
            if (shared > end - previousStart) throw new InvalidDataException("reference");
            text.AsSpan(previousStart, shared).CopyTo(text.AsSpan(end));
            block.Slice(position, rest).CopyTo(text.AsSpan(end + shared));
            position += rest;
            previousStart = end;
            end += shared + rest;
            starts[i + 1] = end;
        }
        if (end != textLength || position != block.Length) throw new InvalidDataException("references");
        return (text, starts);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] Ints(ReadOnlySpan<byte> block, int count)
    {
        if (block.Length != 4 * count) throw new InvalidDataException("numbers");
        var values = new int[count];
        for (var i = 0; i < count; i++) values[i] = BinaryPrimitives.ReadInt32LittleEndian(block[(4 * i)..]);
        return values;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckCodes(byte[] codes, int words)
    {
        if (words == WordColumn.MaxNarrowWords) return;
        foreach (var code in codes)
        {
            if (code >= words) throw new InvalidDataException("code");
        }
    }

    private static string[] Words(byte[] block)
    {
        using var reader = new BinaryReader(new MemoryStream(block), Encoding.UTF8);
        var words = new string[reader.Read7BitEncodedInt()];
        for (var w = 0; w < words.Length; w++) words[w] = Canonical(reader.ReadString());
        if (reader.BaseStream.Position != block.Length) throw new InvalidDataException("words");
        return words;
    }

    private static async Task<int> ReadLengthAsync(Stream image, int limit, CancellationToken ct)
    {
        var prefix = new byte[4];
        await image.ReadExactlyAsync(prefix, ct);
        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (length < 0 || length > limit) throw new InvalidDataException("block length");
        return length;
    }

    private static async Task<byte[]> ReadBlockAsync(Stream image, int limit, CancellationToken ct)
    {
        var block = new byte[await ReadLengthAsync(image, limit, ct)];
        await image.ReadExactlyAsync(block, ct);
        return block;
    }

    private static async Task<int> ReadBlockIntoAsync(Stream image, byte[] into, CancellationToken ct)
    {
        var length = await ReadLengthAsync(image, into.Length, ct);
        await image.ReadExactlyAsync(into.AsMemory(0, length), ct);
        return length;
    }

    private static int Read7BitInt(ReadOnlySpan<byte> bytes, ref int position)
    {
        var value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = bytes[position++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("number");
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
