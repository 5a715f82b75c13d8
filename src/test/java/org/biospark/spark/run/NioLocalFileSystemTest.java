package org.biospark.spark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.biospark.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and directories get the permissions Hadoop asks for, without a forked chmod; sessions use it. */
class NioLocalFileSystemTest {
    @TempDir
    java.nio.file.Path tmp;

    private static String permissions(java.nio.file.Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void setsThePermissionsHadoopAsksFor() throws IOException {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", NioLocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        FileSystem fs = FileSystem.get(tmp.toUri(), conf);
        assertEquals(NioLocalFileSystem.class, fs.getClass());
        Path dir = new Path(tmp.toUri().toString(), "a/b");
        fs.mkdirs(dir, new FsPermission((short) 0750));
        assertEquals("rwxr-x---", permissions(tmp.resolve("a/b")));
        try (FSDataOutputStream out = fs.create(new Path(dir, "f"), new FsPermission((short) 0640), true, 4096,
                (short) 1, 1 << 20, null)) {
            out.writeBytes("x");
        }
        assertEquals("rw-r-----", permissions(tmp.resolve("a/b/f")));
        fs.setPermission(new Path(dir, "f"), new FsPermission((short) 0604));
        assertEquals("rw----r--", permissions(tmp.resolve("a/b/f")));
        assertEquals("x", Files.readString(tmp.resolve("a/b/f")));
    }

    @Test
    void theSessionsFilesGoThroughIt() throws IOException {
        Configuration conf = TestSpark.session().sparkContext().hadoopConfiguration();
        assertEquals(NioLocalFileSystem.class, FileSystem.get(tmp.toUri(), conf).getClass());
        assertEquals(NioLocalFileSystem.class, new Path(tmp.toUri()).getFileSystem(conf).getClass());
    }
}
