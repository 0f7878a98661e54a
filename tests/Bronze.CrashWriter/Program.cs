using Bronze;
using Bronze.CrashWriter;
using Bronze.Storage;

// Usage: Bronze.CrashWriter ROOT COUNT BASE_SIZE
// Puts objects 0..COUNT-1 into a LocalStore at ROOT, in order, and reports each step on stdout:
// "begin I" before a put, "created I" or "exists I" after it, "done" at the end.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Bronze.CrashWriter ROOT COUNT BASE_SIZE");
    return 2;
}

var store = new LocalStore(args[0]);
int count = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
int baseSize = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
for (int i = 0; i < count; i++)
{
    byte[] bytes = CrashContent.Bytes(i, baseSize);
    Console.Out.WriteLine($"begin {i}");
    Console.Out.Flush();
    using var content = new MemoryStream(bytes, writable: false);
    PutResult result = await store.PutIfAbsentAsync(CrashContent.Key(i), content);
    Console.Out.WriteLine($"{(result.Created ? "created" : "exists")} {i}");
    Console.Out.Flush();
}

Console.Out.WriteLine("done");
return 0;
