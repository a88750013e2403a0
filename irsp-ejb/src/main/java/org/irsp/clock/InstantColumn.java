package org.irsp.clock;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Every {@link Instant} attribute is a {@code TIMESTAMP WITH TIME ZONE} column, written in UTC. EclipseLink
 * as shipped with Payara 6 would otherwise serialize Instants into binary columns that neither an operator
 * nor a range query can read; OffsetDateTime it maps natively, on H2 and PostgreSQL alike.
 */
@Converter(autoApply = true)
public class InstantColumn implements AttributeConverter<Instant, OffsetDateTime> {

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}
