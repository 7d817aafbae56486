{{- define "duban.name" -}}
{{- .Chart.Name -}}
{{- end -}}

{{- define "duban.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "duban.labels" -}}
app.kubernetes.io/name: {{ include "duban.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one component (api, worker, migrate, temporal-setup). */}}
{{- define "duban.selector" -}}
app.kubernetes.io/name: {{ include "duban.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "duban.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{- define "duban.secret" -}}
{{- required "existingSecret: name the Secret holding DATABASE_URL, AUTH_SECRET and SMTP_URL (values.yaml)" .Values.existingSecret -}}
{{- end -}}

{{/* The settings every container of the chart reads, as items of its `env` list. */}}
{{- define "duban.env" -}}
{{- range $name, $value := .Values.config }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/* The Secret's keys, as the container's `envFrom`. */}}
{{- define "duban.envFrom" -}}
envFrom:
  - secretRef:
      name: {{ include "duban.secret" . }}
{{- end -}}

{{/* Pod-level settings shared by the Deployments and the hook Jobs. */}}
{{- define "duban.podSpec" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* A container's image and hardening; /tmp is the only writable place. */}}
{{- define "duban.container" -}}
image: {{ include "duban.image" . }}
imagePullPolicy: {{ .Values.image.pullPolicy }}
securityContext:
  {{- toYaml .Values.securityContext | nindent 2 }}
{{- end -}}

{{/* A hook Job: `duban <args>` before the API and the worker on install and upgrade. */}}
{{- define "duban.hookJob" -}}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ include "duban.fullname" .root }}-{{ .component }}
  labels:
    {{- include "duban.labels" .root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: {{ .weight | quote }}
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: {{ .root.Values.hooks.backoffLimit }}
  activeDeadlineSeconds: {{ .root.Values.hooks.activeDeadlineSeconds }}
  template:
    metadata:
      labels:
        {{- include "duban.selector" (dict "root" .root "component" .component) | nindent 8 }}
    spec:
      restartPolicy: Never
      {{- include "duban.podSpec" .root | nindent 6 }}
      containers:
        - name: {{ .component }}
          {{- include "duban.container" .root | nindent 10 }}
          command: {{ .command | toJson }}
          env:
            {{- include "duban.env" .root | nindent 12 }}
          {{- include "duban.envFrom" .root | nindent 10 }}
          volumeMounts:
            - { name: tmp, mountPath: /tmp }
      volumes:
        - { name: tmp, emptyDir: {} }
{{- end -}}
