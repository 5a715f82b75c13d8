package org.biospark.spark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RowLayoutTest {
    private static final StructField A = DataTypes.createStructField("a", DataTypes.StringType, false);
    private static final StructField B = DataTypes.createStructField("b", DataTypes.IntegerType, true);
    private static final StructField C = DataTypes.createStructField("c", DataTypes.LongType, false);
    private static final RowLayout LAYOUT = RowLayout.of(new StructType(new StructField[] {A, B, C}));

    @Test
    void valuesLandInTheirFieldsColumnsWhateverOrderTheyAreSetIn() {
        Row row = LAYOUT.row().set(C, 3L).set(A, "x").build();
        assertEquals("x", row.getString(0));
        assertNull(row.get(1));
        assertEquals(3L, row.getLong(2));
        assertEquals(row, LAYOUT.row().set(A, "x").set(C, 3L).build());
    }

    @Test
    void aMissingRequiredColumnOrAForeignFieldIsRefused() {
        assertThrows(IllegalStateException.class, () -> LAYOUT.row().set(A, "x").build());
        StructField other = DataTypes.createStructField("d", DataTypes.StringType, true);
        assertThrows(IllegalArgumentException.class, () -> LAYOUT.row().set(other, "y"));
    }

    @Test
    void rejectsRowsFollowTheirSchema() {
        Row row = new Reject("f.fa", 7, 13, "r7", "empty sequence", null).toRow();
        assertEquals("f.fa", row.getString(RejectsSchema.SCHEMA.fieldIndex(RejectsSchema.SOURCE.name())));
        assertEquals(7L, row.getLong(RejectsSchema.SCHEMA.fieldIndex(RejectsSchema.RECORD_NUMBER.name())));
        assertEquals(13L, row.getLong(RejectsSchema.SCHEMA.fieldIndex(RejectsSchema.LINE.name())));
        assertEquals("r7", row.getString(RejectsSchema.SCHEMA.fieldIndex(RejectsSchema.ID.name())));
        assertEquals("empty sequence", row.getString(RejectsSchema.SCHEMA.fieldIndex(RejectsSchema.REASON.name())));
        assertNull(row.get(RejectsSchema.SCHEMA.fieldIndex(RejectsSchema.DATASET.name())));
    }
}
