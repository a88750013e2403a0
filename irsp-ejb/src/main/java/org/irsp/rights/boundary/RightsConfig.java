package org.irsp.rights.boundary;

import java.util.List;
import org.irsp.registration.entity.DefaultPolicy;
import org.irsp.rights.entity.Grant;

/** A §9.2 configuration: the default policy and the explicit entries (subject, rights). */
public record RightsConfig(DefaultPolicy defaultPolicy, List<Grant> entries) {
}
