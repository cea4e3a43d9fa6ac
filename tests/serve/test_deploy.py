"""deploy/: the Dockerfile and the Kubernetes manifests. There is no container engine or cluster
here: the core manifests are validated offline against Kubernetes' own schemas
(kubernetes-validate, strict), and every file is checked for what serving a class needs."""

import re
from pathlib import Path

import pytest
import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
CORE = ["deployment.yaml", "service.yaml", "hpa.yaml"]


def _docs(name: str) -> list[dict]:
    return [d for d in yaml.safe_load_all((DEPLOY / "k8s" / name).read_text()) if d]


@pytest.mark.parametrize("name", CORE)
def test_core_manifests_pass_strict_schema_validation(name):
    kv = pytest.importorskip("kubernetes_validate")
    for doc in _docs(name):
        kv.validate(doc, "1.37.0", strict=True)  # raises on any schema error


def test_deployment_probes_resources_and_shared_cookie_secret():
    deploy = next(d for d in _docs("deployment.yaml") if d["kind"] == "Deployment")
    pod = deploy["spec"]["template"]["spec"]
    c = pod["containers"][0]
    for probe in ("readinessProbe", "livenessProbe"):
        assert c[probe]["httpGet"]["path"] == "/_stcore/health"
    assert {"requests", "limits"} <= set(c["resources"])
    assert pod["securityContext"]["runAsNonRoot"] is True
    env = {e["name"]: e for e in c["env"]}
    assert "secretKeyRef" in env["STREAMLIT_SERVER_COOKIE_SECRET"]["valueFrom"]


def test_route_is_sticky_by_cookie_and_hpa_scales_on_cpu():
    route = _docs("httproute.yaml")[0]
    rule = route["spec"]["rules"][0]
    assert route["kind"] == "HTTPRoute" and rule["sessionPersistence"]["type"] == "Cookie"
    assert rule["backendRefs"][0]["name"] == "nnlab"
    hpa = _docs("hpa.yaml")[0]
    assert hpa["spec"]["metrics"][0]["resource"]["name"] == "cpu"
    assert hpa["spec"]["minReplicas"] >= 2


def test_dockerfile_runs_as_non_root_with_runtime_requirements_and_a_health_check():
    text = (DEPLOY / "Dockerfile").read_text()
    assert "USER lab" in text and "HEALTHCHECK" in text and "/_stcore/health" in text
    assert "pip install -r requirements.txt" in text and "requirements-dev" not in text
    assert "STREAMLIT_CLIENT_SHOW_ERROR_DETAILS=none" in text
    assert "STREAMLIT_SERVER_MAX_UPLOAD_SIZE=5" in text
    for folder in ("nncore", "viz", "ui", "labs", "data"):
        assert f"./{folder}" in text


def test_dockerfile_gives_the_non_root_user_a_writable_result_cache():
    """ui/disk_cache.py and the warm-up write to NNLAB_CACHE_DIR: the lab user owns it."""
    text = (DEPLOY / "Dockerfile").read_text()
    m = re.search(r"NNLAB_CACHE_DIR=(\S+)", text)
    assert m and m.group(1).startswith("/app/.cache")
    chown = re.search(r"mkdir -p [^\n]*\.cache/results[^\n]*chown -R lab:lab [^\n]*\.cache", text)
    assert chown and text.index(chown.group(0)) < text.index("USER lab")
