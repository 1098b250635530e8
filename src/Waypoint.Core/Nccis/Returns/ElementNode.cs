using System.Buffers;
using System.Text;
using System.Xml;

namespace Waypoint.Core.Nccis.Returns;

/// <summary>
/// One element of a single header or record, read into memory. Only one record is held at a time and its size is
/// capped, so a large file is validated in flat memory.
/// </summary>
internal sealed class ElementNode(string name)
{
    public const int MaxValueLength = 1000;
    public const int MaxElementsPerRecord = 5000;
    public const int MaxDepth = 8;

    // Suppliers spell some elements differently (nccis.md 2.1, 2.4); validation works with one spelling.
    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["DatabaseID"] = "DatabaseId",
        ["NeetStartDate"] = "NEETStartDate",
    };

    public string Name { get; } = Spellings.GetValueOrDefault(name, name);

    /// <summary>Trimmed text; null when empty, since suppliers write empty elements for absent values.</summary>
    public string? Text { get; private set; }

    // Made on the first child: most elements are leaves, and a list for each was most of what validating allocated.
    private List<ElementNode>? children;

    public IReadOnlyList<ElementNode> Children => (IReadOnlyList<ElementNode>?)children ?? [];

    public ElementNode? Child(string childName)
    {
        if (children is null)
        {
            return null;
        }

        // A loop rather than Find with a lambda: this runs about 40 times a record, and each lambda allocated a closure.
        foreach (var child in children)
        {
            if (child.Name == childName)
            {
                return child;
            }
        }

        return null;
    }

    public IEnumerable<ElementNode> All(string childName) => children is null ? [] : children.Where(c => c.Name == childName);

    public string? Value(string childName) => Child(childName)?.Text;

    /// <summary>Reads the element the reader is on, leaving the reader on the node after its end tag.</summary>
    public static ElementNode Read(XmlReader reader)
    {
        var budget = MaxElementsPerRecord;

        // One chunk buffer for the whole record, rented: a buffer per element was most of what validating a large file allocated.
        var buffer = ArrayPool<char>.Shared.Rent(256);
        try
        {
            return Read(reader, 0, ref budget, buffer);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static ElementNode Read(XmlReader reader, int level, ref int budget, char[] buffer)
    {
        if (--budget < 0 || level > MaxDepth)
        {
            throw new RecordTooComplexException();
        }

        var node = new ElementNode(reader.LocalName);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return node;
        }

        var depth = reader.Depth;

        // The first chunk is nearly always the whole value, so a builder is made only for a value in several pieces.
        string? text = null;
        StringBuilder? pieces = null;
        if (!reader.Read())
        {
            return node;
        }

        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    (node.children ??= new List<ElementNode>(8)).Add(Read(reader, level + 1, ref budget, buffer));
                    continue;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    // Chunked so one enormous text node is never held whole; anything past the cap is dropped.
                    int read;
                    while ((read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                    {
                        var length = pieces?.Length ?? text?.Length ?? 0;
                        if (length < MaxValueLength)
                        {
                            var take = Math.Min(read, MaxValueLength - length);
                            if (text is null)
                            {
                                text = new string(buffer, 0, take);
                            }
                            else
                            {
                                (pieces ??= new StringBuilder(text)).Append(buffer, 0, take);
                            }
                        }
                    }

                    break;
            }

            if (!reader.Read())
            {
                break;
            }
        }

        reader.Read();
        var value = (pieces?.ToString() ?? text ?? "").Trim();
        node.Text = value.Length == 0 ? null : value;
        return node;
    }
}

internal sealed class RecordTooComplexException : Exception
{
    public RecordTooComplexException()
        : base("A record is too large or too deeply nested.")
    {
    }
}
