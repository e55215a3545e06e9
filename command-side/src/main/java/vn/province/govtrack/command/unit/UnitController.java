package vn.province.govtrack.command.unit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.province.govtrack.command.web.CommandSender;
import vn.province.govtrack.command.web.Patterns;
import vn.province.govtrack.kernel.unit.RegisterUnitCommand;
import vn.province.govtrack.kernel.unit.UnitKind;

@RestController
@RequestMapping("/api/v1/units")
class UnitController {

    private final CommandSender commands;

    UnitController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<UnitRegistered> register(@Valid @RequestBody RegisterUnitRequest request) {
        long position = commands.send(new RegisterUnitCommand(request.code(), request.name(), request.kind())).position();
        return ResponseEntity
                .created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{code}").build(request.code()))
                .body(new UnitRegistered(request.code(), request.name(), request.kind(), position));
    }

    record RegisterUnitRequest(@NotNull @Pattern(regexp = Patterns.CODE) String code,
                               @NotBlank @Size(max = 200) String name,
                               @NotNull UnitKind kind) {
    }

    record UnitRegistered(String code, String name, UnitKind kind, long position) {
    }
}
