package org.ringplatform.identity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps a list of short strings to a PostgreSQL {@code text[]} column. Writes the array literal as
 * text (the datasource sends strings untyped, {@code stringType=unspecified}, so PostgreSQL casts
 * it); reads the driver's array.
 */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, Object> {

  @Override
  public Object convertToDatabaseColumn(List<String> values) {
    StringBuilder sb = new StringBuilder("{");
    List<String> list = values == null ? List.of() : values;
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"');
      for (char c : list.get(i).toCharArray()) {
        if (c == '"' || c == '\\') {
          sb.append('\\');
        }
        sb.append(c);
      }
      sb.append('"');
    }
    return sb.append('}').toString();
  }

  @Override
  public List<String> convertToEntityAttribute(Object column) {
    if (column == null) {
      return new ArrayList<>();
    }
    try {
      if (column instanceof Array array) {
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
      }
      if (column instanceof String[] strings) {
        return new ArrayList<>(Arrays.asList(strings));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read a text[] column", e);
    }
    throw new IllegalStateException("Unexpected text[] value of " + column.getClass());
  }
}
