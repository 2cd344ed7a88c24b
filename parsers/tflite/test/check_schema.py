#!/usr/bin/env python3
"""Checks our TensorFlow Lite schema (parsers/tflite/schema/tflite.fbs) against the official one.

The official schema is known here only through the Python module that the ai-edge-litert package generates from it
(ai_edge_litert/schema_py_generated.py). We generate Python from our schema with flatc and read both with `ast`:
for every enum and union we declare, each member's value must match; for every table field we declare, the vtable
slot offset, the scalar type and the default must match. Exit status 0 = match, 1 = mismatch, 77 = skipped.

Usage: check_schema.py <flatc> <our tflite.fbs>
"""
import ast
import importlib.util
import os
import re
import subprocess
import sys
import tempfile

SKIP = 77


def extract(sources):
    """Returns (enums, tables) found in the given generated Python sources.

    enums: {name: {member: value}}; tables: {name: {accessor: (slot offset, scalar type, default)}}.
    """
    enums, tables = {}, {}
    for src in sources:
        tree = ast.parse(src)
        lines = src.splitlines()
        for node in tree.body:
            if not isinstance(node, ast.ClassDef) or node.name.endswith("T"):
                # Classes ending in T are the object API (present in some generators only).
                if isinstance(node, ast.ClassDef) and node.name.endswith("T") and node.name[:-1] in [
                        n.name for n in tree.body if isinstance(n, ast.ClassDef)]:
                    continue
                if not isinstance(node, ast.ClassDef):
                    continue
            consts = {}
            fields = {}
            for item in node.body:
                if (isinstance(item, ast.Assign) and len(item.targets) == 1 and isinstance(item.targets[0], ast.Name)
                        and isinstance(item.value, (ast.Constant, ast.UnaryOp))):
                    try:
                        consts[item.targets[0].id] = ast.literal_eval(item.value)
                    except ValueError:
                        pass
                elif isinstance(item, ast.FunctionDef):
                    # Whole lines of the method (ast.get_source_segment re-splits the file each call: too slow).
                    seg = "\n".join(lines[item.lineno - 1:item.end_lineno])
                    slot = re.search(r"self\._tab\.Offset\((\d+)\)", seg)
                    if (not slot or "VectorLen" in seg or item.name.endswith(("IsNone", "AsNumpy"))
                            or item.name.startswith("Init")):
                        continue
                    scalar = re.search(r"self\._tab\.Get\(flatbuffers\.number_types\.(\w+Flags)", seg)
                    # The default is the last `return` of the accessor (taken when the field is absent).
                    last = item.body[-1]
                    default = None
                    if isinstance(last, ast.Return) and last.value is not None:
                        try:
                            default = ast.literal_eval(last.value)
                        except ValueError:
                            default = None
                    is_vector = "self._tab.Vector(" in seg
                    fields[item.name] = (int(slot.group(1)), (scalar.group(1) if scalar else "") + ("[]" if is_vector else ""),
                                         None if is_vector else default)
            if fields:
                tables[node.name] = fields
            elif consts:
                enums[node.name] = consts
    return enums, tables


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    flatc, ours = sys.argv[1], sys.argv[2]
    # Locate the package without importing it (importing loads the whole runtime).
    spec = importlib.util.find_spec("ai_edge_litert")
    if spec is None or not spec.submodule_search_locations:
        print("SKIPPED: the ai-edge-litert package is not installed (pip install ai-edge-litert)")
        return SKIP
    official_path = os.path.join(list(spec.submodule_search_locations)[0], "schema_py_generated.py")
    if not os.path.exists(official_path):
        print("SKIPPED: %s not found" % official_path)
        return SKIP
    official_enums, official_tables = extract([open(official_path).read()])

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([flatc, "--python", "-o", tmp, ours], check=True)
        sources = []
        for root, _, files in os.walk(tmp):
            sources += [open(os.path.join(root, f)).read() for f in files if f.endswith(".py") and f != "__init__.py"]
    our_enums, our_tables = extract(sources)
    # Tables we declare empty (no fields) look like neither; they only matter through union indices.

    errors = []
    for name, members in sorted(our_enums.items()):
        if name not in official_enums:
            errors.append("enum/union %s: not in the official schema" % name)
            continue
        for member, value in members.items():
            if member not in official_enums[name]:
                errors.append("%s.%s: not in the official schema" % (name, member))
            elif official_enums[name][member] != value:
                errors.append("%s.%s = %r, official %r" % (name, member, value, official_enums[name][member]))
    nfields = 0
    for name, fields in sorted(our_tables.items()):
        if name not in official_tables:
            errors.append("table %s: not in the official schema" % name)
            continue
        for field, info in fields.items():
            nfields += 1
            theirs = official_tables[name].get(field)
            if theirs is None:
                errors.append("%s.%s: not in the official schema" % (name, field))
            elif theirs != info:
                errors.append("%s.%s: (slot, type, default) = %r, official %r" % (name, field, info, theirs))

    print("checked %d enums/unions (%d members) and %d tables (%d fields)" % (
        len(our_enums), sum(len(m) for m in our_enums.values()), len(our_tables), nfields))
    for e in errors:
        print("MISMATCH:", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
