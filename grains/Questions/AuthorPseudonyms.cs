using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Grains.Questions;

/// <summary>
/// The names a board shows for its citizens: a four-digit number per author, from a keyed
/// hash of the author's id under the board's own random key, so the same citizen has the
/// same number on one board and unrelated numbers on others, and nobody can work back to
/// the id. Two authors whose hashes meet are told apart in the order they first asked (the
/// later one takes the next free number), which every activation replays the same way.
/// </summary>
public sealed class AuthorPseudonyms(byte[] key)
{
    private const int First = 1000;
    private const int Count = 9000;

    private readonly Dictionary<string, int> _numbers = [];
    private readonly HashSet<int> _taken = [];

    /// <summary>The author's number on this board; call it in the order the authors first asked.</summary>
    public string Of(string authorId)
    {
        if (!_numbers.TryGetValue(authorId, out var number))
        {
            number = Free(Hash(authorId));
            _numbers[authorId] = number;
            _taken.Add(number);
        }
        return number.ToString();
    }

    private int Hash(string authorId)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(authorId));
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(mac) % Count);
    }

    private int Free(int start)
    {
        for (var i = 0; i < Count; i++)
        {
            var number = First + (start + i) % Count;
            if (!_taken.Contains(number))
            {
                return number;
            }
        }
        // Past nine thousand authors on one board, numbers simply grow.
        return First + _taken.Count;
    }

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);
}
