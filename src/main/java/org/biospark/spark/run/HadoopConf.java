package org.biospark.spark.run;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

import org.apache.hadoop.conf.Configuration;

/**
 * A Hadoop configuration that travels to the executors, so they reach the same file systems with the same settings
 * (S3 credentials, HDFS name nodes) as the driver: by Java serialization inside a task, or broadcast, which uses
 * Kryo (biospark's Kryo registrator has it call the same Java serialization: its own field serializer would
 * skip the transient configuration).
 */
public final class HadoopConf implements Serializable {
    private static final long serialVersionUID = 1L;

    private transient Configuration value;

    public HadoopConf(Configuration value) {
        this.value = value;
    }

    public Configuration value() {
        return value;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        value.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        value = new Configuration(false);
        value.readFields(in);
    }
}
