using Bronze.Storage.Native;
using Microsoft.Win32.SafeHandles;
using Bronze.Storage;

namespace Bronze;

public sealed partial class LocalStore
{
    /// <summary>
    /// The open handles of a put's folders, root first: writes, the publish and fsyncs all go through them, so no name
    /// on the path is looked up twice.
    /// </summary>
    private sealed class FolderChain : IDisposable
    {
        private readonly List<SafeFileHandle> _handles = [];

        // Whether this put created the folder of _handles[i + 1]; the root (_handles[0]) is never a put's to create.
        private readonly List<bool> _created = [];

        public FolderChain(SafeFileHandle root) => _handles.Add(root);

        /// <summary>The innermost folder: where the object goes.</summary>
        public SafeFileHandle Leaf => _handles[^1];

        public void Add(SafeFileHandle folder, bool created)
        {
            _handles.Add(folder);
            _created.Add(created);
        }

        /// <summary>
        /// Flushes the object's folder, the folders holding the entries of folders this put created, and the parent
        /// of the object's folder in any case: a concurrent writer may have created that folder (a partition's, when
        /// two copies race) and not flushed its entry yet.
        /// </summary>
        public void Flush(LocalStore store, string key)
        {
            var parents = new SortedSet<int>();
            for (int i = 0; i < _created.Count; i++)
            {
                if (_created[i]) parents.Add(i);
            }

            if (_handles.Count >= 2) parents.Add(_handles.Count - 2);
            store.StoreIo(key, "flush its folder to disk", () => RootedFileSystem.Fsync(Leaf, key));
            foreach (int parent in parents)
                store.StoreIo(key, "flush a folder's entry to disk", () => RootedFileSystem.Fsync(_handles[parent], key));
        }

        public void Dispose()
        {
            foreach (SafeFileHandle handle in _handles) handle.Dispose();
        }
    }
}
