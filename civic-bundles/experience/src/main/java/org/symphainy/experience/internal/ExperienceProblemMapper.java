package org.symphainy.experience.internal;

import jakarta.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.symphainy.foundations.rest.ProblemMapper;

/**
 * Experience's problem+json mapper (see {@link ProblemMapper}): every error under /api/v1 answers as a problem. It names
 * {@code ExceptionMapper<Throwable>} itself: the whiteboard proxies an extension by the generic interfaces its own class
 * declares, and Jersey refuses a proxy whose exception type it cannot find ("Could not find exception type for given
 * ExceptionMapper class").
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName(ExperienceApplication.PROBLEMS)
@JakartarsApplicationSelect(ExperienceApplication.SELECT)
public final class ExperienceProblemMapper extends ProblemMapper implements ExceptionMapper<Throwable> {
}
